using System.IO.Compression;
using System.Text;
using System.Xml;
using Ferry.Core.Sources;

namespace Ferry.Sources.Excel;

/// <summary>
/// Tells from its parts and content types what a ZIP upload is, and reads the little of a workbook that
/// ExcelDataReader reads only at great cost: the sheet names, and where a sheet's parts are.
/// </summary>
static class OpenXmlPackage
{
    const string SpreadsheetMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const string StrictSpreadsheetMain = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const int MaxSmallPartBytes = 1024 * 1024;
    const string SaveAsXlsx = "save it as \"Excel Workbook (.xlsx)\"";

    public static ZipArchive Open(Stream file)
    {
        try
        {
            return new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new SourceFormatException(
                $"The file starts like an Excel workbook (.xlsx) but is damaged or cut short ({e.Message}). Upload it again; if that does not help, open it in Excel and {SaveAsXlsx}.", e);
        }
    }

    /// <summary>Returns quietly for an ordinary .xlsx; otherwise says what the package is instead.</summary>
    public static void Identify(Stream file)
    {
        using var zip = Open(file);
        try
        {
            Classify(zip);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or XmlException)
        {
            throw new SourceFormatException(
                $"The file starts like an Excel workbook (.xlsx) but is damaged ({e.Message}). Open it in Excel and {SaveAsXlsx}, then upload that.", e);
        }
    }

    static void Classify(ZipArchive zip)
    {
        if (Find(zip, "mimetype") is { } mimetype)
        {
            var type = Encoding.ASCII.GetString(ReadSmallPart(mimetype)).Trim();
            var kind = type switch
            {
                "application/vnd.oasis.opendocument.spreadsheet" => "an OpenDocument spreadsheet (.ods)",
                "application/vnd.oasis.opendocument.text" => "an OpenDocument text document (.odt)",
                _ => "an OpenDocument file",
            };
            throw NotAWorkbook(kind);
        }
        var contentTypes = ContentTypes(zip);
        if (Find(zip, "word/document.xml") is not null || contentTypes.Any(t => t.Contains("wordprocessingml", StringComparison.OrdinalIgnoreCase)))
        {
            throw NotAWorkbook("a Word document (.docx)");
        }
        if (Find(zip, "ppt/presentation.xml") is not null || contentTypes.Any(t => t.Contains("presentationml", StringComparison.OrdinalIgnoreCase)))
        {
            throw NotAWorkbook("a PowerPoint presentation (.pptx)");
        }
        if (Find(zip, "xl/workbook.bin") is not null || contentTypes.Any(t => t.Contains("ms-excel.sheet.binary", StringComparison.OrdinalIgnoreCase)))
        {
            throw new SourceFormatException(
                $"The file is an Excel Binary Workbook (.xlsb), which Ferry does not read. Open it in Excel and {SaveAsXlsx}, then upload that.");
        }
        if (Find(zip, "xl/vbaProject.bin") is not null || contentTypes.Any(t => t.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)))
        {
            throw new SourceFormatException(
                $"The file is a macro-enabled workbook (.xlsm); Ferry does not accept files that carry macros. Open it in Excel and {SaveAsXlsx} (the macros are left behind), then upload that.");
        }
        if (Find(zip, "xl/workbook.xml") is null)
        {
            throw new SourceFormatException(
                "The file is a ZIP archive, not an Excel workbook. If the workbook is inside it, unzip it and upload the .xlsx file itself.");
        }
    }

    static SourceFormatException NotAWorkbook(string kind) => new(
        $"The file is {kind}, not an Excel workbook. Open it, put the data in a spreadsheet and {SaveAsXlsx}, then upload that.");

    /// <summary>The sheets in workbook order, hidden ones included, named exactly as ExcelDataReader names them.</summary>
    public static List<string> SheetNames(string path)
    {
        using var file = File.OpenRead(path);
        using var zip = Open(file);
        return SheetNames(zip);
    }

    /// <summary>The sheets in workbook order, as <see cref="SheetNames(string)"/> gives them.</summary>
    public static List<string> SheetNames(ZipArchive zip) => Sheets(zip).Select(s => s.Name).ToList();

    /// <summary>Whether the workbook counts its dates from 1904 (old Mac Excel) rather than from 1900.</summary>
    public static bool UsesDate1904(ZipArchive zip)
    {
        var part = Find(zip, "xl/workbook.xml") ?? throw new SourceFormatException("The workbook has no xl/workbook.xml part; it is not a complete .xlsx file.");
        using var stream = part.Open();
        using var xml = XmlReader.Create(stream, OpenXmlText.Settings);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "workbookPr" && xml.NamespaceURI == SpreadsheetMain)
            {
                return xml.GetAttribute("date1904") is "1" or "true";
            }
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheets")
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>
    /// The workbook's part of the given relationship type ("sharedStrings", "styles"), or the part at the path Excel
    /// always gives it when the relationships do not name one.
    /// </summary>
    public static ZipArchiveEntry? WorkbookPart(ZipArchive zip, string relationshipType, string usualPath)
    {
        var target = WorkbookRelationships(zip)
            .FirstOrDefault(r => r.Type.EndsWith("/" + relationshipType, StringComparison.Ordinal)).Target;
        return (target is null ? null : Find(zip, PartPath(target))) ?? Find(zip, usualPath);
    }

    static List<(string Name, string? RelationshipId)> Sheets(ZipArchive zip)
    {
        var part = Find(zip, "xl/workbook.xml") ?? throw new SourceFormatException("The workbook has no xl/workbook.xml part; it is not a complete .xlsx file.");
        using var stream = part.Open();
        using var xml = XmlReader.Create(stream);
        xml.MoveToContent();
        if (xml.NamespaceURI == StrictSpreadsheetMain)
        {
            throw new SourceFormatException(
                $"The workbook is saved as \"Strict Open XML Spreadsheet\", which Ferry does not read. Open it in Excel and {SaveAsXlsx}, then upload that.");
        }
        var sheets = new List<(string, string?)>();
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.NamespaceURI == SpreadsheetMain)
            {
                sheets.Add((xml.GetAttribute("name") ?? "", xml.GetAttribute("id", Relationships)));
            }
        }
        return sheets;
    }

    /// <summary>
    /// The sheets in workbook order with their parts (null where the part is missing), found through the workbook's
    /// relationships the way ExcelDataReader finds them.
    /// </summary>
    public static List<(string Name, ZipArchiveEntry? Part)> SheetParts(ZipArchive zip)
    {
        var parts = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            parts.TryAdd(entry.FullName.Replace('\\', '/'), entry);
        }
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, _, target) in WorkbookRelationships(zip))
        {
            targets.TryAdd(id, target);
        }
        return [.. Sheets(zip).Select(s => (s.Name,
            s.RelationshipId is { } id && targets.TryGetValue(id, out var target) ? parts.GetValueOrDefault(PartPath(target)) : null))];
    }

    static string PartPath(string target) => target.StartsWith("/xl/", StringComparison.OrdinalIgnoreCase) ? target[1..] : "xl/" + target;

    static List<(string Id, string Type, string Target)> WorkbookRelationships(ZipArchive zip)
    {
        var relationships = new List<(string, string, string)>();
        if (Find(zip, "xl/_rels/workbook.xml.rels") is not { } rels)
        {
            return relationships;
        }
        using var stream = rels.Open();
        using var xml = XmlReader.Create(stream, OpenXmlText.Settings);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Target") is { } target)
            {
                relationships.Add((xml.GetAttribute("Id") ?? "", xml.GetAttribute("Type") ?? "", target));
            }
        }
        return relationships;
    }

    static List<string> ContentTypes(ZipArchive zip)
    {
        var types = new List<string>();
        if (Find(zip, "[Content_Types].xml") is not { } part)
        {
            return types;
        }
        using var xml = XmlReader.Create(new MemoryStream(ReadSmallPart(part)));
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.GetAttribute("ContentType") is { } type)
            {
                types.Add(type);
            }
        }
        return types;
    }

    /// <summary>The part's bytes; a part that decompresses past a megabyte is refused, whatever the archive says its size is.</summary>
    static byte[] ReadSmallPart(ZipArchiveEntry entry)
    {
        using var data = entry.Open();
        var buffer = new byte[MaxSmallPartBytes + 1];
        var length = data.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (length > MaxSmallPartBytes)
        {
            throw new SourceFormatException($"The part {entry.FullName} is far larger than Excel ever writes it; the file is not an ordinary workbook.");
        }
        return buffer[..length];
    }

    /// <summary>Finds a part the way ExcelDataReader does: ignoring case, and reading '\' as '/'.</summary>
    static ZipArchiveEntry? Find(ZipArchive zip, string name) =>
        zip.Entries.FirstOrDefault(e => e.FullName.Replace('\\', '/').Equals(name, StringComparison.OrdinalIgnoreCase));
}
