using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Ferry.Core.Sources;

namespace Ferry.Sources.Tally;

/// <summary>
/// Reads a native Tally "XML (Data Interchange)" export one object at a time: every child of every TALLYMESSAGE, in
/// file order, so memory holds one object however large the file.
/// </summary>
public sealed partial class TallyXmlReader : IDisposable
{
    readonly XmlReader _xml;
    int _messageDepth = -1;
    bool _positioned;
    bool _started;
    bool _sawTallyContent;

    TallyXmlReader(XmlReader xml, string encoding)
    {
        _xml = xml;
        Encoding = encoding;
    }

    /// <summary>"utf-16le", "utf-16be", "utf-8" or "utf-8-bom".</summary>
    public string Encoding { get; }

    /// <summary>SVCURRENTCOMPANY without Tally's " - (from 1-Apr-24)" suffix; known once the first object is read.</summary>
    public string? Company { get; private set; }

    /// <summary>The date in SVCURRENTCOMPANY's " - (from 1-Apr-24)" suffix: the start of the period the company was opened for.</summary>
    public DateOnly? PeriodFrom { get; private set; }

    /// <summary>The current object as read from the file.</summary>
    public TallyObject Current { get; private set; } = new TallyUnknownObject("");

    /// <summary>The line the current object starts on.</summary>
    public int Line { get; private set; }

    public static TallyXmlReader Open(string path)
    {
        var format = TextFileSniffer.Detect(path);
        if (format.EncodingName is not ("utf-16le" or "utf-16be" or "utf-8" or "utf-8-bom"))
        {
            throw new SourceFormatException(
                $"The file is {format.EncodingName} text; a Tally XML export is UTF-16 or UTF-8. Export it from Tally again as XML (Data Interchange).");
        }
        var stream = File.OpenRead(path);
        stream.Seek(format.PreambleLength, SeekOrigin.Begin);
        var text = new TallyCharacterFilter(new StreamReader(stream, format.Encoding, detectEncodingFromByteOrderMarks: false));
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreWhitespace = true,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        return new TallyXmlReader(XmlReader.Create(text, settings), format.EncodingName);
    }

    public bool MoveNext()
    {
        try
        {
            return MoveToObject();
        }
        catch (XmlException e)
        {
            throw new SourceFormatException(
                $"The file is not well-formed XML at line {e.LineNumber}, position {e.LinePosition}: {e.Message} Export it from Tally again; a cut-off upload is the usual cause.", e);
        }
        catch (DecoderFallbackException e)
        {
            throw new SourceFormatException(
                $"The file has bytes that are not valid {Encoding} text near line {LineNumber}. Export it from Tally again as XML (Data Interchange).", e);
        }
    }

    public void Dispose() => _xml.Dispose();

    int LineNumber => _xml is IXmlLineInfo info ? info.LineNumber : 0;

    bool MoveToObject()
    {
        while (Advance())
        {
            if (!_started)
            {
                if (_xml.NodeType == XmlNodeType.XmlDeclaration)
                {
                    continue;
                }
                _started = true;
                if (_xml.NodeType != XmlNodeType.Element || _xml.LocalName != "ENVELOPE")
                {
                    throw new SourceFormatException(
                        $"The file is XML but not a Tally export: it starts with <{_xml.Name}>, not <ENVELOPE>. In Tally, export with Format = XML (Data Interchange).");
                }
            }
            if (_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == _messageDepth)
            {
                _messageDepth = -1;
            }
            else if (_xml.NodeType == XmlNodeType.Element)
            {
                if (_messageDepth >= 0 && _xml.Depth == _messageDepth + 1)
                {
                    Line = LineNumber;
                    var element = (XElement)XNode.ReadFrom(_xml);
                    _positioned = true;
                    Current = TallyObjects.From(element, Line);
                    return true;
                }
                if (_xml.LocalName == "TALLYMESSAGE" && !_xml.IsEmptyElement)
                {
                    _messageDepth = _xml.Depth;
                    _sawTallyContent = true;
                }
                else if (_xml.LocalName == "SVCURRENTCOMPANY")
                {
                    var text = _xml.ReadElementContentAsString();
                    Company = CompanyName(text);
                    PeriodFrom = PeriodStart(text);
                    _sawTallyContent = true;
                    _positioned = true;
                }
            }
        }
        if (!_sawTallyContent)
        {
            throw new SourceFormatException(
                "The file has an <ENVELOPE> but no Tally company or TALLYMESSAGE in it. In Tally, export with Format = XML (Data Interchange).");
        }
        return false;
    }

    /// <summary>Moves to the next node, unless reading an element's content has already moved past it.</summary>
    bool Advance()
    {
        if (_positioned)
        {
            _positioned = false;
            return !_xml.EOF;
        }
        return _xml.Read();
    }

    internal static string? CompanyName(string text)
    {
        var name = FromDateSuffix().Replace(TallyValues.Clean(text) ?? "", "");
        return name.Length == 0 ? null : name;
    }

    internal static DateOnly? PeriodStart(string text) =>
        FromDateSuffix().Match(text) is { Success: true } match
        && DateOnly.TryParseExact(match.Groups[1].Value.Trim(), ["d-MMM-yy", "d-MMM-yyyy"], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : null;

    // NonBacktracking: on a long company name of repeated "- (from " the backtracking engine takes quadratic time.
    [GeneratedRegex(@"\s*-\s*\(from ([^)]*)\)\s*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex FromDateSuffix();
}
