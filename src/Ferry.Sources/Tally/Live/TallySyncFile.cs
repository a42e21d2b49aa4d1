using System.Text;
using System.Xml;
using Ferry.Core;

namespace Ferry.Sources.Tally.Live;

/// <summary>
/// Joins the All Masters and Day Book answers pulled from a running Tally into one Tally export file, masters first,
/// which <see cref="TallyXmlReader"/> reads like any export. Messages are copied one at a time, never held whole.
/// </summary>
public static class TallySyncFile
{
    const string MastersLabel = "All Masters export";
    const string DayBookLabel = "Day Book export";

    static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        OmitXmlDeclaration = true,
        CloseOutput = false,
        WriteEndDocumentOnClose = false,
    };

    /// <summary>
    /// Writes the joined file to <paramref name="output"/> as UTF-8. Each input may be UTF-8 or UTF-16, as Tally sent
    /// it. If an input turns out not to be a Tally export (INT008), what was written so far is not a complete file
    /// and should be discarded.
    /// </summary>
    public static void Write(Stream masters, Stream dayBook, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(masters);
        ArgumentNullException.ThrowIfNull(dayBook);
        ArgumentNullException.ThrowIfNull(output);

        using var mastersXml = Reading(MastersLabel, () => TallyAnswerXml.Over(masters));
        using var dayBookXml = Reading(DayBookLabel, () => TallyAnswerXml.Over(dayBook));
        var mastersCompany = Reading(MastersLabel, () => MoveToMessages(mastersXml, MastersLabel));
        var dayBookCompany = Reading(DayBookLabel, () => MoveToMessages(dayBookXml, DayBookLabel));

        using var writer = XmlWriter.Create(output, WriterSettings);
        writer.WriteStartElement("ENVELOPE");
        writer.WriteStartElement("HEADER");
        writer.WriteElementString("TALLYREQUEST", "Import Data");
        writer.WriteEndElement();
        writer.WriteStartElement("BODY");
        writer.WriteStartElement("IMPORTDATA");
        writer.WriteStartElement("REQUESTDESC");
        writer.WriteElementString("REPORTNAME", "All Masters");
        writer.WriteStartElement("STATICVARIABLES");
        if ((mastersCompany ?? dayBookCompany) is { } company)
        {
            writer.WriteElementString("SVCURRENTCOMPANY", company);
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteStartElement("REQUESTDATA");
        Reading(MastersLabel, () => CopyMessages(mastersXml, writer, MastersLabel, cancellationToken));
        Reading(DayBookLabel, () => CopyMessages(dayBookXml, writer, DayBookLabel, cancellationToken));
        writer.WriteWhitespace("\r\n");
        writer.WriteEndDocument();
    }

    /// <summary>Checks the answer is a Tally export and stops at its first TALLYMESSAGE; returns its SVCURRENTCOMPANY.</summary>
    static string? MoveToMessages(XmlReader xml, string label)
    {
        string? company = null;
        var exported = false;
        if (TallyAnswerXml.EnterEnvelope(xml) is { } problem)
        {
            throw NotAnExport(label, problem);
        }
        while (!xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
                continue;
            }
            switch (xml.LocalName)
            {
                case "LINEERROR":
                    throw NotAnExport(label, $"it is Tally's error \"{xml.ReadElementContentAsString().Trim()}\"");
                case "SVCURRENTCOMPANY" when company is null:
                    company = xml.ReadElementContentAsString().Trim();
                    continue;
                case "IMPORTDATA":
                    exported = true;
                    break;
                case "TALLYMESSAGE" when exported:
                    return company;
            }
            xml.Read();
        }
        if (exported)
        {
            return company;
        }
        throw NotAnExport(label, "it is a Tally envelope with no export data (IMPORTDATA) in it");
    }

    static void CopyMessages(XmlReader xml, XmlWriter writer, string label, CancellationToken cancellationToken)
    {
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "TALLYMESSAGE")
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.WriteWhitespace("\r\n");
                writer.WriteNode(xml, defattr: true);
                continue;
            }
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "LINEERROR")
            {
                throw NotAnExport(label, $"it ends with Tally's error \"{xml.ReadElementContentAsString().Trim()}\"");
            }
            xml.Read();
        }
    }

    static void Reading(string label, Action read) => Reading(label, () =>
    {
        read();
        return 0;
    });

    static T Reading<T>(string label, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (XmlException e)
        {
            throw NotAnExport(label, TallyAnswerXml.Describe(e), e);
        }
        catch (DecoderFallbackException e)
        {
            throw NotAnExport(label, "it has bytes that are not valid UTF-8 or UTF-16 text", e);
        }
    }

    static FerryException NotAnExport(string label, string problem, Exception? inner = null) => new(
        ErrorCodes.IntegrationInvalidResponse,
        $"The {label} is not a Tally XML export: {problem}. Pull it from Tally again; nothing from it can be imported.",
        inner);
}
