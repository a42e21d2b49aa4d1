using System.Text;
using System.Xml;
using Ferry.Core.Sources;

namespace Ferry.Sources;

/// <summary>Tells what a file is from its content: workbook, JSON, XML or delimited text. The file name plays no part.</summary>
public static class FormatDetector
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";
    public const string Xls = "xls";
    public const string Json = "json";
    public const string TallyXml = "tally-xml";

    public static string Detect(string path)
    {
        Span<byte> head = stackalloc byte[8];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        if (read == 0)
        {
            throw new SourceFormatException("The file is empty. Export the data again and upload the file that has rows in it.");
        }
        if (head[..read] is [0x50, 0x4B, 0x03, 0x04, ..] or [0xD0, 0xCF, 0x11, 0xE0, ..])
        {
            return Excel.ExcelWorkbook.Identify(path);
        }
        var text = TextFileSniffer.Detect(path);
        return FirstCharacter(path, text) switch
        {
            '[' or '{' => Json,
            '<' => Xml(path),
            _ => Csv,
        };
    }

    static char FirstCharacter(string path, TextFileSniffer.TextFormat format)
    {
        using var stream = File.OpenRead(path);
        stream.Seek(format.PreambleLength, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, format.Encoding, detectEncodingFromByteOrderMarks: false);
        var buffer = new char[4096];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            foreach (var c in buffer.AsSpan(0, read))
            {
                if (!char.IsWhiteSpace(c) && c != '\uFEFF')
                {
                    return c;
                }
            }
        }
        return '\0';
    }

    /// <summary>A Tally export, or XML Ferry does not read; a DTD is refused before anything else is looked at.</summary>
    static string Xml(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true };
        try
        {
            using var reader = XmlReader.Create(path, settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    if (reader.LocalName.Equals("ENVELOPE", StringComparison.OrdinalIgnoreCase))
                    {
                        return TallyXml;
                    }
                    throw new SourceFormatException(
                        $"The file is XML with the root element <{reader.LocalName}>, which is not a Tally export. Export the data as CSV, Excel or JSON and upload that.");
                }
            }
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new SourceFormatException("The XML file declares a DTD (<!DOCTYPE …>), which Ferry refuses for safety: remove the DOCTYPE line and upload the file again.", e);
        }
        catch (XmlException e)
        {
            throw new SourceFormatException($"The file looks like XML but is not well-formed (line {e.LineNumber}, position {e.LinePosition}): {e.Message}", e);
        }
        throw new SourceFormatException("The file looks like XML but has no elements.");
    }
}
