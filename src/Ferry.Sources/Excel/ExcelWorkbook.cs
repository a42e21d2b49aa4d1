using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using Ferry.Core.Sources;
using Ferry.Sources.Tables;

namespace Ferry.Sources.Excel;

/// <summary>
/// Opens Excel workbooks, .xlsx and legacy .xls, recognised by content rather than by name: tells what a file is,
/// checks an .xlsx for zip bombs, names the sheets and streams one sheet's rows as text. Anything that is not a plain
/// workbook (macros, a password, another Office file, a damaged file) is refused with a
/// <see cref="SourceFormatException"/> that says what the file is and what to do.
/// </summary>
/// <remarks>
/// Cell text:
/// <list type="bullet">
/// <item>Text as it is, trimmed; a cell that is empty after trimming is null.</item>
/// <item>Booleans: "true" or "false".</item>
/// <item>Dates (numbers with a date format): "yyyy-MM-dd", or "yyyy-MM-dd HH:mm:ss" when there is a time of day,
/// rounded to the second. A time with no date (a serial number below 1) is "HH:mm:ss"; a duration ("[h]:mm:ss") is
/// hours:mm:ss with the hours in total.</item>
/// <item>Numbers: up to 15 significant digits, as Excel keeps and shows them (0.1 + 0.2 is "0.3"), with '.' as the
/// decimal point, no group separators and no exponent while the number can be written out (1.18E+5 is "118000").
/// The number format is otherwise ignored ("#,##0.00" adds nothing), except a zero-padding format such as "000000",
/// whose leading zeros are part of the value: 40001 is "040001".</item>
/// <item>Error values (#N/A, #DIV/0!, …): null.</item>
/// <item>Merged cells: every cell of a merged range reads as the range's top-left cell, across and down. A row with no
/// value of its own, only text merged down from above, is read while such rows are fewer than the rows with values,
/// so a range reaching a million rows down costs no more than the rows the file holds. A range overlapping one
/// already open, which Excel never writes, is ignored.</item>
/// </list>
/// Row numbers are the ones Excel shows: blank rows are skipped but counted. A row ends at its last non-blank cell,
/// however far the sheet's declared range or its styled blank cells reach.
/// </remarks>
public static class ExcelWorkbook
{
    const string SaveAsXlsx = "save it as \"Excel Workbook (.xlsx)\"";

    static ExcelWorkbook() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>"xlsx" or "xls"; anything else is refused with what the file really is.</summary>
    public static string Identify(string path)
    {
        using var file = OpenFile(path);
        Span<byte> head = stackalloc byte[8];
        head = head[..file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        if (head.IsEmpty)
        {
            throw new SourceFormatException("The file is empty. Export the data again and upload the file that has rows in it.");
        }
        file.Position = 0;
        if (head.StartsWith("PK"u8))
        {
            OpenXmlPackage.Identify(file);
            return "xlsx";
        }
        if (head.SequenceEqual(CompoundFile.Signature))
        {
            IdentifyCompound(file);
            return "xls";
        }
        if (TextFileSniffer.KnownBinary(head) is { } kind)
        {
            throw new SourceFormatException($"The file is {kind}, not an Excel workbook. Upload the workbook (.xlsx) itself.");
        }
        throw new SourceFormatException(
            $"The file is not an Excel workbook (.xlsx or .xls). If it is a CSV or text export, upload it as CSV; otherwise open it in Excel and {SaveAsXlsx}.");
    }

    /// <summary>
    /// Decompresses every part of an .xlsx with limits counted on the bytes actually produced, and refuses XML parts
    /// that declare a DTD, before anything else reads the file. Other files have nothing compressed and pass.
    /// </summary>
    public static void EnsureSafe(string path, WorkbookLimits? limits = null)
    {
        using (var file = OpenFile(path))
        {
            Span<byte> head = stackalloc byte[2];
            if (file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < 2 || !head.SequenceEqual("PK"u8))
            {
                return;
            }
        }
        if (limits is not null)
        {
            PackageSafety.Check(path, limits);
            return;
        }
        Checked.GetOrAdd(path, () =>
        {
            PackageSafety.Check(path, WorkbookLimits.Default);
            return true;
        });
    }

    /// <summary>Listing the sheets, opening one and inspecting each check the same file; it is inflated once.</summary>
    static readonly FileVersionMemo<bool> Checked = new();

    /// <summary>The sheets in workbook order, hidden ones included.</summary>
    public static IReadOnlyList<string> SheetNames(string path)
    {
        EnsureSafe(path);
        if (Identify(path) == "xlsx")
        {
            try
            {
                return OpenXmlPackage.SheetNames(path);
            }
            catch (Exception e) when (IsDamage(e))
            {
                throw Damaged(e, "the list of sheets");
            }
        }
        using var file = OpenFile(path);
        using var reader = OpenReader(file);
        var names = new List<string>();
        try
        {
            do
            {
                names.Add(reader.Name ?? "");
            }
            while (reader.NextResult());
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(e, "the list of sheets");
        }
        return names;
    }

    /// <summary>Streams the rows of the sheet named exactly <paramref name="sheet"/>; the sheet is never loaded whole.</summary>
    public static IRowSource OpenSheet(string path, string sheet)
    {
        EnsureSafe(path);
        try
        {
            return Identify(path) == "xlsx" ? XlsxSheetSource.Open(path, sheet) : OpenLegacySheet(path, sheet);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(e, $"sheet '{sheet}'");
        }
    }

    /// <summary>
    /// Every sheet in workbook order with its rows, all from one opening of the file, so that what the sheets share
    /// (the list of sheets, styles, shared strings) is read once. The caller disposes of each sheet's rows before
    /// moving on to the next.
    /// </summary>
    /// <param name="maxSheets">A workbook with more sheets, empty ones included, is refused before any is read.</param>
    internal static IEnumerable<(string Sheet, IRowSource Rows)> Sheets(string path, int maxSheets)
    {
        EnsureSafe(path);
        return Identify(path) == "xlsx" ? XlsxSheets(path, maxSheets) : LegacySheets(path, maxSheets);
    }

    static IEnumerable<(string Sheet, IRowSource Rows)> XlsxSheets(string path, int maxSheets)
    {
        using var workbook = Reading(() => XlsxWorkbook.Open(path), "the list of sheets");
        CheckSheetCount(workbook.SheetNames.Count, maxSheets);
        foreach (var sheet in workbook.SheetNames)
        {
            yield return (sheet, Reading(() => workbook.OpenSheet(sheet, ownsWorkbook: false), $"sheet '{sheet}'"));
        }
    }

    static IEnumerable<(string Sheet, IRowSource Rows)> LegacySheets(string path, int maxSheets)
    {
        using var file = OpenFile(path);
        using var reader = OpenReader(file);
        CheckSheetCount(reader.ResultsCount, maxSheets);
        do
        {
            var sheet = reader.Name ?? "";
            yield return (sheet, new ExcelRowSource(reader, sheet, ownedFile: null));
        }
        while (Reading(reader.NextResult, "the list of sheets"));
    }

    static void CheckSheetCount(int sheets, int maxSheets)
    {
        if (sheets > maxSheets)
        {
            throw SourceLimits.TooManyTables("The workbook", $"{SourceLimits.Number(sheets)} sheets", maxSheets);
        }
    }

    static T Reading<T>(Func<T> read, string where)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(e, where);
        }
    }

    static ExcelRowSource OpenLegacySheet(string path, string sheet)
    {
        var file = OpenFile(path);
        IExcelDataReader? reader = null;
        try
        {
            reader = OpenReader(file);
            var seen = new List<string>();
            while (reader.Name != sheet)
            {
                seen.Add($"'{reader.Name}'");
                if (!reader.NextResult())
                {
                    throw new SourceFormatException($"The workbook has no sheet named '{sheet}'; its sheets are {string.Join(", ", seen)}.");
                }
            }
            return new ExcelRowSource(reader, sheet, ownedFile: file);
        }
        catch
        {
            reader?.Dispose();
            file.Dispose();
            throw;
        }
    }

    static FileStream OpenFile(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    static IExcelDataReader OpenReader(Stream file)
    {
        try
        {
            return ExcelReaderFactory.CreateReader(file, new ExcelReaderConfiguration { LeaveOpen = true });
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(e, "the start of the file");
        }
    }

    static void IdentifyCompound(Stream file)
    {
        var names = CompoundFile.EntryNames(file);
        if (names.Contains("EncryptionInfo") && names.Contains("EncryptedPackage"))
        {
            throw Encrypted();
        }
        if (names.Contains("Workbook") || names.Contains("Book"))
        {
            // Only opening the workbook shows whether it is encrypted: a FILEPASS record at the top of its stream.
            file.Position = 0;
            try
            {
                using var reader = ExcelReaderFactory.CreateBinaryReader(file, new ExcelReaderConfiguration { LeaveOpen = true });
            }
            catch (InvalidPasswordException)
            {
                throw Encrypted();
            }
            catch (Exception e) when (IsDamage(e))
            {
                throw Damaged(e, "the start of the file");
            }
            return;
        }
        var kind = names.Contains("WordDocument") ? "a Word document (.doc)"
            : names.Contains("PowerPoint Document") ? "a PowerPoint presentation (.ppt)"
            : "an Office document of some other kind";
        throw new SourceFormatException(
            $"The file is {kind}, not an Excel workbook. Open it, put the data in a spreadsheet and {SaveAsXlsx}, then upload that.");
    }

    static SourceFormatException Encrypted() => new(
        "The workbook is protected with a password (encrypted), so it cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, then clear it), save it and upload it again.");

    /// <summary>
    /// Whether an exception from reading a workbook means the file is damaged. ExcelDataReader meets a hostile or cut
    /// file with whatever its parsing code happens to throw, null references included.
    /// </summary>
    internal static bool IsDamage(Exception e) => e is not (SourceFormatException or OutOfMemoryException or OperationCanceledException);

    internal static SourceFormatException Damaged(Exception e, string where) => new(
        $"The workbook is damaged and cannot be read ({where}: {e.Message}). Open it in Excel and {SaveAsXlsx}, then upload that.", e)
    {
        SourceLocation = where,
    };
}
