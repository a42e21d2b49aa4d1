using System.Xml;

namespace Ferry.Sources.Tally.Live;

/// <summary>
/// Opens an answer from Tally for reading the way <see cref="TallyXmlReader"/> reads an export: its encoding told from
/// its first bytes, the characters XML forbids filtered out, DTDs refused and nothing resolved.
/// </summary>
static class TallyAnswerXml
{
    const int SniffedBytes = 512;

    static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static XmlReader Over(byte[] bytes, int length, bool strict)
    {
        var encoding = TallyAnswerEncoding.Detect(bytes.AsSpan(0, length), strict);
        var text = new MemoryStream(bytes, encoding.PreambleLength, length - encoding.PreambleLength, writable: false);
        return Over(text, encoding);
    }

    public static XmlReader Over(Stream stream)
    {
        var head = new byte[SniffedBytes];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var encoding = TallyAnswerEncoding.Detect(head.AsSpan(0, length), throwOnInvalidBytes: true);
        var rest = new PrefixedStream(head[encoding.PreambleLength..length], length - encoding.PreambleLength, stream);
        return Over(rest, encoding);
    }

    static XmlReader Over(Stream text, TallyAnswerEncoding encoding) =>
        XmlReader.Create(
            new TallyCharacterFilter(new StreamReader(text, encoding.Encoding, detectEncodingFromByteOrderMarks: false)),
            Settings);

    /// <summary>
    /// Reads up to the first element and past it when it is Tally's ENVELOPE; otherwise says, in words for a user,
    /// what the answer is instead.
    /// </summary>
    public static string? EnterEnvelope(XmlReader xml)
    {
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element)
            {
                if (xml.LocalName != "ENVELOPE")
                {
                    return $"it starts with <{xml.Name}>, not <ENVELOPE>";
                }
                xml.Read();
                return null;
            }
        }
        return "it holds no XML element";
    }

    /// <summary>Why a reader refused the text, in words for a user: Tally never sends a DTD, so one is named as such.</summary>
    public static string Describe(XmlException e) =>
        e.Message.Contains("DTD", StringComparison.Ordinal)
            ? $"it declares a DTD (line {e.LineNumber}), which Tally never sends"
            : $"it is not well-formed XML at line {e.LineNumber}, position {e.LinePosition}: {e.Message}";
}
