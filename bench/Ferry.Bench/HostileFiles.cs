using System.Globalization;
using System.Text;
using Ferry.Tests.Fixtures;
using NPOI.HSSF.UserModel;
using NPOI.SS.Util;

namespace Ferry.Bench;

/// <summary>
/// Small files built to cost far more than their size, each named after what it does: the wide files of issue 10
/// (five sheets with a cell at XFD1, a CSV of 200,000 columns) and the other shapes that once made Ferry's work grow
/// with something other than the bytes of the file.
/// </summary>
static class HostileFiles
{
    public sealed record HostileFile(string Name, string What, Action<string> Write);

    public static IReadOnlyList<HostileFile> All { get; } =
    [
        new("baseline.csv", "three contacts: what starting the command costs", path => Text(path, "Customer Name,City\nAcme,Pune\nBeta,Mumbai\nGamma,Nagpur\n")),
        new("xlsx-xfd1-five-sheets.xlsx", "five sheets, each one cell at XFD1 (the issue's 2.8 KB file)", FiveSheetsAtXfd1),
        new("xlsx-table-and-xfd1-five-sheets.xlsx", "five sheets, each a small table and a stray cell at XFD1", TablesAndXfd1),
        new("xlsx-dimension-whole-sheet.xlsx", "<dimension ref=\"A1:XFD1048576\">, styled blanks out to XFD, a row at 1,048,576", WholeSheetDimension),
        new("xlsx-merge-whole-sheet.xlsx", "a merged range A1:XFD1048576 over a small table", WholeSheetMerge),
        new("xlsx-merge-million-rows-down.xlsx", "a merged range A2:B1048576, rows 1-3 and 1,048,576 present", MergeMillionRowsDown),
        new("xlsx-50000-overlapping-merges.xlsx", "50,000 copies of the merged range A2:B1048576 over 1,000 rows", OverlappingMerges),
        new("xlsx-5000-empty-sheets.xlsx", "5,000 empty sheets", EmptySheets),
        new("xlsx-1000-columns-500-rows.xlsx", "a real table of 1,000 numeric columns and 500 rows", WideSheet),
        new("xls-stray-cell-and-merge.xls", "legacy .xls: a cell at IV1 and a merged range A21:B30000 under a small table", LegacyStrayCellAndMerge),
        new("csv-200000-columns.csv", "200,000 columns, header and one row (the issue's 1.9 MB file)", path => WideCsv(path, 200_000)),
        new("csv-million-empty-fields.csv", "one row of 2,000,000 commas", path => Text(path, "a" + new string(',', 2_000_000) + "\n")),
        new("csv-16000-trailing-empty-fields.csv", "500 rows of two values and 16,000 empty fields each", TrailingEmptyFields),
        new("csv-999-columns-1000-rows.csv", "a real table of 999 numeric columns and 1,000 rows", path => NumericCsv(path, 999, 1_000)),
        new("csv-999-columns-short-rows.csv", "999 columns in the header, 200,000 rows holding one value", ShortRows),
        new("json-200000-keys.json", "one record of 200,000 distinct keys", path => Text(path, "[{" + Join(200_000, i => $"\"k{i}\":{i}") + "}]")),
        new("json-200000-child-arrays.json", "one record of 200,000 keys, each an array of one object", path => Text(path, "[{" + Join(200_000, i => $"\"k{i}\":[{{\"a\":1}}]") + "}]")),
        new("json-200000-empty-arrays.json", "an envelope of 200,000 empty arrays", path => Text(path, "{" + Join(200_000, i => $"\"k{i}\":[]") + "}")),
        new("json-999-keys-then-short-records.json", "a record of 999 keys, then 200,000 records of one key", ShortRecords),
    ];

    static string Join(int count, Func<int, string> item) =>
        string.Join(",", Enumerable.Range(1, count).Select(item));

    static void Text(string path, string text) => File.WriteAllText(path, text, new UTF8Encoding(false));

    static void Lines(string path, string header, int rows, Func<int, string> row)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(header);
        writer.Write('\n');
        for (var i = 1; i <= rows; i++)
        {
            writer.Write(row(i));
            writer.Write('\n');
        }
    }

    static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    static void WideCsv(string path, int columns)
    {
        var header = Join(columns, i => $"c{i}");
        Text(path, header + "\n" + Join(columns, i => Invariant(i % 10)) + "\n");
    }

    static void NumericCsv(string path, int columns, int rows) =>
        Lines(path, Join(columns, i => $"Field {i}"), rows, r => Join(columns, c => Invariant(r * c % 1000)));

    static void TrailingEmptyFields(string path)
    {
        var empty = new string(',', 16_000);
        Lines(path, "Customer Name,Qty" + empty, 500, i => $"Customer {Invariant(i)},{Invariant(i)}{empty}");
    }

    static void ShortRows(string path) => Lines(path, Join(999, i => $"Field {i}"), 200_000, Invariant);

    static void ShortRecords(string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("[{" + Join(999, i => $"\"k{i}\":{i}") + "}");
        for (var i = 1; i <= 200_000; i++)
        {
            writer.Write(",\n{\"k1\":" + Invariant(i) + "}");
        }
        writer.Write("]\n");
    }

    static void Save(XlsxBuilder workbook, string path) => workbook.Save(path);

    static void FiveSheetsAtXfd1(string path)
    {
        var workbook = new XlsxBuilder();
        for (var i = 1; i <= 5; i++)
        {
            workbook.Sheet($"Sheet{i}").Cell("XFD1", "x");
        }
        Save(workbook, path);
    }

    static void TablesAndXfd1(string path)
    {
        var workbook = new XlsxBuilder();
        for (var i = 1; i <= 5; i++)
        {
            workbook.Sheet($"Sheet{i}").Row(1, "Customer Name", "Qty").Cell("XFD1", "x").GeneratedRows(20, r => [$"Customer {Invariant(r)}", r]);
        }
        Save(workbook, path);
    }

    static void WholeSheetDimension(string path)
    {
        var workbook = new XlsxBuilder();
        var sheet = workbook.Sheet("Data").Dimension("A1:XFD1048576").Row(1, "Code", "Name").Cell("XFD1", XlsxCell.StyledBlank);
        for (var row = 2; row <= 1_000; row++)
        {
            sheet.Row(row, $"C{Invariant(row)}", $"Customer {Invariant(row)}").Cell($"XFD{Invariant(row)}", XlsxCell.StyledBlank);
        }
        sheet.Row(1_048_576, "C-last", "Last customer");
        Save(workbook, path);
    }

    static void WholeSheetMerge(string path)
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").Row(1, "Name", "Qty").Row(2, "Acme", 1).Merge("A1:XFD1048576");
        Save(workbook, path);
    }

    static void MergeMillionRowsDown(string path)
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Regions")
            .Row(1, "Region", "Branch").Row(2, "North", "Delhi").Row(3, null, "Agra").Row(1_048_576, null, "Chennai")
            .Merge("A2:B1048576");
        Save(workbook, path);
    }

    static void OverlappingMerges(string path)
    {
        var workbook = new XlsxBuilder();
        var sheet = workbook.Sheet("Data").Row(1, "Name", "Qty").GeneratedRows(1_000, r => [$"Customer {Invariant(r)}", r]);
        for (var i = 0; i < 50_000; i++)
        {
            sheet.Merge("A2:B1048576");
        }
        Save(workbook, path);
    }

    static void EmptySheets(string path)
    {
        var workbook = new XlsxBuilder();
        for (var i = 1; i <= 5_000; i++)
        {
            workbook.Sheet($"Sheet{i}");
        }
        Save(workbook, path);
    }

    static void WideSheet(string path)
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data")
            .Row(1, [.. Enumerable.Range(1, 1_000).Select(c => (object)$"Field {Invariant(c)}")])
            .GeneratedRows(500, r => [.. Enumerable.Range(1, 1_000).Select(c => (object)(r * c % 1000))]);
        Save(workbook, path);
    }

    static void LegacyStrayCellAndMerge(string path)
    {
        var workbook = new HSSFWorkbook();
        var sheet = workbook.CreateSheet("Data");
        var header = sheet.CreateRow(0);
        header.CreateCell(0).SetCellValue("Name");
        header.CreateCell(1).SetCellValue("Qty");
        header.CreateCell(255).SetCellValue("x");
        for (var i = 1; i <= 20; i++)
        {
            var row = sheet.CreateRow(i);
            row.CreateCell(0).SetCellValue($"Customer {Invariant(i)}");
            row.CreateCell(1).SetCellValue(i);
        }
        sheet.CreateRow(29_999).CreateCell(0).SetCellValue("Last");
        sheet.AddMergedRegion(new CellRangeAddress(20, 29_999, 0, 1));
        using var file = File.Create(path);
        workbook.Write(file);
    }
}
