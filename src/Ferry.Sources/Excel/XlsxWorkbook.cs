using System.IO.Compression;
using Ferry.Core.Sources;

namespace Ferry.Sources.Excel;

/// <summary>
/// An opened .xlsx and what its sheets share: the list of sheets, the date system, the number formats and the shared
/// string table. Each is read once however many sheets are then read, so a workbook of thousands of sheets costs the
/// size of its parts, not sheets times the size of its styles and strings.
/// </summary>
sealed class XlsxWorkbook : IDisposable
{
    readonly FileStream _file;
    readonly ZipArchive _zip;
    readonly List<(string Name, ZipArchiveEntry? Part)> _sheets;
    SharedStrings? _strings;

    XlsxWorkbook(FileStream file, ZipArchive zip)
    {
        _file = file;
        _zip = zip;
        _sheets = OpenXmlPackage.SheetParts(zip);
        Date1904 = OpenXmlPackage.UsesDate1904(zip);
        Formats = CellFormats.Read(OpenXmlPackage.WorkbookPart(zip, "styles", "xl/styles.xml"));
    }

    /// <summary>Opens the workbook; damage surfaces as whatever the parsers throw.</summary>
    public static XlsxWorkbook Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        ZipArchive? zip = null;
        try
        {
            zip = OpenXmlPackage.Open(file);
            return new XlsxWorkbook(file, zip);
        }
        catch
        {
            zip?.Dispose();
            file.Dispose();
            throw;
        }
    }

    /// <summary>The sheets in workbook order, hidden ones included.</summary>
    public IReadOnlyList<string> SheetNames => [.. _sheets.Select(s => s.Name)];

    public bool Date1904 { get; }

    public CellFormats Formats { get; }

    /// <summary>The shared string table, read when the first cell needs it: a workbook of numbers never pays for it.</summary>
    public SharedStrings Strings => _strings ??= SharedStrings.Load(OpenXmlPackage.WorkbookPart(_zip, "sharedStrings", "xl/sharedStrings.xml"));

    /// <summary>Streams the rows of the sheet named exactly <paramref name="sheet"/>.</summary>
    /// <param name="ownsWorkbook">Whether disposing of the sheet's rows disposes of the workbook too.</param>
    public XlsxSheetSource OpenSheet(string sheet, bool ownsWorkbook)
    {
        var found = _sheets.FindIndex(s => s.Name == sheet);
        if (found < 0)
        {
            throw new SourceFormatException(
                $"The workbook has no sheet named '{sheet}'; its sheets are {string.Join(", ", _sheets.Select(s => $"'{s.Name}'"))}.");
        }
        var part = _sheets[found].Part ?? throw new SourceFormatException($"The workbook lists sheet '{sheet}' but the sheet itself is missing from the file.");
        return new XlsxSheetSource(this, part, sheet, ownsWorkbook);
    }

    public void Dispose()
    {
        _strings?.Dispose();
        _zip.Dispose();
        _file.Dispose();
    }
}
