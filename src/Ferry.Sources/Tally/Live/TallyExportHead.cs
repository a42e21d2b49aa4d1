using System.Xml;

namespace Ferry.Sources.Tally.Live;

/// <summary>
/// What the first bytes of Tally's answer to an export request say, before any of it is saved: an export
/// (<c>ENVELOPE</c> reaching <c>IMPORTDATA</c>), the errors Tally reports (<c>LINEERROR</c>), an envelope with no export
/// in it (<see cref="Problem"/>), or no Tally answer at all (<see cref="IsTally"/> false, with nothing said about it).
/// </summary>
readonly record struct TallyExportHead(bool IsTally, IReadOnlyList<string> LineErrors, string? Problem)
{
    public bool IsExport => IsTally && LineErrors.Count == 0 && Problem is null;

    static TallyExportHead NotTally => new(false, [], null);

    /// <param name="complete">Whether the answer ended within <paramref name="length"/> bytes.</param>
    public static TallyExportHead Judge(byte[] head, int length, bool complete)
    {
        if (length == 0)
        {
            return NotTally;
        }
        var errors = new List<string>();
        var entered = false;
        try
        {
            using var xml = TallyAnswerXml.Over(head, length, strict: false);
            if (TallyAnswerXml.EnterEnvelope(xml) is not null)
            {
                return NotTally;
            }
            entered = true;
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
                    return new(true, [], null);
                }
                xml.Read();
            }
            if (errors.Count > 0)
            {
                return new(true, errors, null);
            }
            return new(true, [], "it is a Tally envelope with no export data in it");
        }
        catch (XmlException e)
        {
            if (!entered)
            {
                return NotTally;
            }
            if (errors.Count > 0)
            {
                return new(true, errors, null);
            }
            return new(true, [], complete ? TallyAnswerXml.Describe(e) : $"its first {length} bytes do not begin a Tally export: {TallyAnswerXml.Describe(e)}");
        }
    }
}
