using System.Xml;

namespace Ferry.Sources.Tally.Live;

/// <summary>
/// What the first bytes of Tally's answer to an export request say, before any of it is saved: an export
/// (<c>ENVELOPE</c> reaching <c>IMPORTDATA</c>), the errors Tally reports (<c>LINEERROR</c>), or something that is no
/// Tally export at all (<see cref="Problem"/>).
/// </summary>
readonly record struct TallyExportHead(IReadOnlyList<string> LineErrors, string? Problem)
{
    public bool IsExport => LineErrors.Count == 0 && Problem is null;

    /// <param name="complete">Whether the answer ended within <paramref name="length"/> bytes.</param>
    public static TallyExportHead Judge(byte[] head, int length, bool complete)
    {
        if (length == 0)
        {
            return Refused("the answer was empty");
        }
        var errors = new List<string>();
        try
        {
            using var xml = TallyAnswerXml.Over(head, length, strict: false);
            if (TallyAnswerXml.EnterEnvelope(xml) is { } problem)
            {
                return Refused(problem);
            }
            while (!xml.EOF)
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    xml.Read();
                    continue;
                }
                if (xml.LocalName == "LINEERROR")
                {
                    errors.Add(xml.ReadElementContentAsString().Trim());
                    continue;
                }
                if (xml.LocalName is "IMPORTDATA" or "TALLYMESSAGE" && errors.Count == 0)
                {
                    return new([], null);
                }
                xml.Read();
            }
            if (errors.Count > 0)
            {
                return new(errors, null);
            }
            return Refused("it is a Tally envelope with no export data in it");
        }
        catch (XmlException e)
        {
            if (errors.Count > 0)
            {
                return new(errors, null);
            }
            return Refused(complete ? TallyAnswerXml.Describe(e) : $"its first {length} bytes do not begin a Tally export: {TallyAnswerXml.Describe(e)}");
        }
    }

    static TallyExportHead Refused(string problem) => new([], problem);
}
