using System.Globalization;
using Ferry.Sources.Excel;
using Ferry.Testing;
using Ferry.Tests.Fixtures;

namespace Ferry.Sources.Tests.Excel;

/// <summary>Ferry's own .xlsx reader: the cell kinds and workbook settings ExcelDataReader used to read for it.</summary>
[UseCulture("de-DE")]
// Both read workbooks whose shared strings go to temporary files, which one test counts.
[Collection("Temporary shared string files")]
public sealed class XlsxStreamingTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    string Save(XlsxBuilder workbook)
    {
        var path = Path.Combine(_folder.Path, "upload.xlsx");
        workbook.Save(path);
        return path;
    }

    IReadOnlyList<string?> FirstRow(XlsxBuilder workbook) => SheetRows.ReadAll(Save(workbook), "Data")[0].Cells;

    static string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"Customer {i:000000} of the long shared string table");

    [Fact]
    public void A_shared_string_table_too_large_for_memory_is_read_back_from_disk()
    {
        const int Strings = 40_000;
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data")
            .Row(1, "Name", "Number")
            .GeneratedRows(Strings, i => i < Strings ? [Name(i), i] : [Name(i), i, Name(1)]);
        var path = Save(workbook);
        var before = TemporaryStringFiles();

        using (var rows = ExcelWorkbook.OpenSheet(path, "Data"))
        {
            var all = SheetRows.ReadAll(rows);
            Assert.NotEmpty(TemporaryStringFiles().Except(before));

            Assert.Equal(Strings + 1, all.Count);
            Assert.Equal([Name(1), "1"], all[1].Cells);
            Assert.Equal([Name(Strings / 2), (Strings / 2).ToString(CultureInfo.InvariantCulture)], all[Strings / 2].Cells);
            Assert.Equal([Name(Strings), Strings.ToString(CultureInfo.InvariantCulture), Name(1)], all[Strings].Cells);
        }

        Assert.Empty(TemporaryStringFiles().Except(before));
    }

    static string[] TemporaryStringFiles() => Directory.GetFiles(Path.GetTempPath(), "ferry-strings-*");

    [Fact]
    public void Rich_text_runs_are_joined_and_a_phonetic_guide_is_left_out()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").Row(1, XlsxCell.RichText("Acme ", "Traders", " Pvt"));

        Assert.Equal(["Acme Traders Pvt"], FirstRow(workbook));
    }

    [Fact]
    public void Inline_strings_and_formula_results_are_text_with_escaped_characters_restored()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").Row(1, XlsxCell.Inline("Pune"), XlsxCell.FormulaText("Nagpur"), XlsxCell.Inline("A_x0026_B"), "C_x0026_D");

        Assert.Equal(["Pune", "Nagpur", "A&B", "C&D"], FirstRow(workbook));
    }

    [Fact]
    public void A_workbook_in_the_1904_date_system_counts_its_dates_from_1904()
    {
        var workbook = new XlsxBuilder().Date1904();
        workbook.Sheet("Data").Row(1, XlsxCell.BuiltinFormat(0, 14), XlsxCell.BuiltinFormat(44210, 14), XlsxCell.Number(44210.5, "yyyy-mm-dd hh:mm"));

        Assert.Equal(["1904-01-01", "2025-01-15", "2025-01-15 12:00:00"], FirstRow(workbook));
    }

    [Fact]
    public void Serials_before_Excels_missing_leap_day_are_the_dates_Excel_shows()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").Row(1, XlsxCell.BuiltinFormat(1, 14), XlsxCell.BuiltinFormat(59, 14), XlsxCell.BuiltinFormat(61, 14));

        Assert.Equal(["1900-01-01", "1900-02-28", "1900-03-01"], FirstRow(workbook));
    }

    [Theory]
    [InlineData("dd.mm.yyyy")]
    [InlineData("[$-409]d mmmm yyyy;@")]
    [InlineData("yyyy\\-mm\\-dd")]
    [InlineData("[Blue]mmm d, yy")]
    public void A_custom_date_format_makes_the_number_a_date(string format)
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").Row(1, XlsxCell.Number(45672, format));

        Assert.Equal(["2025-01-15"], FirstRow(workbook));
    }

    [Theory]
    [InlineData("\"d\" 0")]
    [InlineData("0\\h")]
    [InlineData("[Red]#,##0.00")]
    public void Date_letters_in_quotes_escapes_or_brackets_leave_a_number(string format)
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").Row(1, XlsxCell.Number(45672, format));

        Assert.Equal(["45672"], FirstRow(workbook));
    }

    [Fact]
    public void Elapsed_time_formats_give_the_hours_in_total()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").Row(1, XlsxCell.Number(1.5, "[h]:mm"), XlsxCell.BuiltinFormat(2.25, 46), XlsxCell.Number(0.0625, "[mm]:ss"));

        Assert.Equal(["36:00:00", "54:00:00", "1:30:00"], FirstRow(workbook));
    }

    [Fact]
    public void An_ISO_date_cell_is_a_date()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").Row(1, XlsxCell.IsoDate("2024-03-31"));

        Assert.Equal(["2024-03-31"], FirstRow(workbook));
    }

    [Fact]
    public void Booleans_and_error_values_read_as_true_false_and_empty()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").Row(1, true, XlsxCell.Error("#REF!"), false, XlsxCell.Error("#VALUE!"), "end");

        Assert.Equal(["true", null, "false", null, "end"], FirstRow(workbook));
    }

    [Fact]
    public void Rows_and_cells_without_references_fall_in_order()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").WithoutReferences()
            .Row(1, "Name", null, "City")
            .Row(2, "Acme", 1500, "Pune");

        var rows = SheetRows.ReadAll(Save(workbook), "Data");

        Assert.Equal([1L, 2L], rows.Select(r => r.Row));
        Assert.Equal(["Name", null, "City"], rows[0].Cells);
        Assert.Equal(["Acme", "1500", "Pune"], rows[1].Cells);
    }

    [Fact]
    public void Merged_ranges_are_all_found_however_many_the_sheet_lists()
    {
        const int Rows = 5_000;
        var workbook = new XlsxBuilder();
        var sheet = workbook.Sheet("Data");
        for (var i = 1; i <= Rows; i++)
        {
            sheet.Row(i, XlsxCell.Inline(string.Create(CultureInfo.InvariantCulture, $"Title {i}"))).Merge(string.Create(CultureInfo.InvariantCulture, $"A{i}:C{i}"));
        }

        var rows = SheetRows.ReadAll(Save(workbook), "Data");

        Assert.Equal(Rows, rows.Count);
        Assert.All(rows, r => Assert.Equal(Enumerable.Repeat($"Title {r.Row}", 3), r.Cells));
    }
}
