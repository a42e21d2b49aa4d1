using System.Globalization;
using System.Text;
using Ferry.Core;
using Ferry.Core.Profiling;
using Ferry.Core.Sources;
using Ferry.Sources.Csv;
using Ferry.Sources.Excel;
using Ferry.Sources.Tables;
using Ferry.Sources.Tests.Excel;
using Ferry.Tests.Fixtures;

namespace Ferry.Sources.Tests;

/// <summary>
/// Small files that once cost minutes and gigabytes: cells in the last column, ranges declared or merged over the
/// whole sheet, rows of empty fields, keys that hold data, thousands of tables. Each is refused with MIG001 or read as
/// the table it really is, and what was read shows that the empty columns and rows were never made.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    string Save(XlsxBuilder workbook)
    {
        var path = Path.Combine(_folder.Path, "upload.xlsx");
        workbook.Save(path);
        return path;
    }

    string Csv(string text) => _folder.File(Bytes.Ascii(text));

    string Json(string text) => _folder.File(Bytes.Ascii(text), "upload.json");

    static FileInspection Inspect(string path, SourceOptions? limits = null) => new SourceOpener(limits).Inspect(path);

    static TException Refused<TException>(string path, string expected, SourceOptions? limits = null) where TException : FerryException
    {
        var error = Assert.Throws<TException>(() => Inspect(path, limits));
        Assert.Equal(ErrorCodes.InvalidFileFormat, error.ErrorCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        return error;
    }

    static object[] Cells(int count, Func<int, object> cell) => [.. Enumerable.Range(0, count).Select(cell)];

    static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Five_sheets_of_one_cell_at_XFD1_are_refused_for_their_width()
    {
        var workbook = new XlsxBuilder();
        for (var i = 1; i <= 5; i++)
        {
            workbook.Sheet($"Sheet{i}").Cell("XFD1", "x");
        }

        var error = Refused<TableTooWideException>(Save(workbook), "The sheet 'Sheet1' has more than 1,000 columns; Ferry reads at most 1,000 per table");

        Assert.Contains("Sources:MaxColumns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_value_at_XFD1_beside_a_header_makes_the_table_too_wide()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").Row(1, "Name", "Qty").Cell("XFD1", "x").Row(2, "Acme", 1);

        Refused<TableTooWideException>(Save(workbook), "The sheet 'Data' has more than 1,000 columns");
    }

    [Fact]
    public void A_too_wide_sheet_is_passed_over_when_another_sheet_holds_a_table()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Notes").Row(1, "Name").Cell("XFD1", "x").Row(2, "Acme");
        workbook.Sheet("Data").Row(1, "Name", "Qty").Row(2, "Acme", 1);

        var table = Assert.Single(Inspect(Save(workbook)).Tables);

        Assert.Equal("Data", table.Name);
    }

    [Fact]
    public void A_stray_value_in_the_last_column_below_the_first_rows_is_left_out_of_the_table()
    {
        var workbook = new XlsxBuilder();
        var sheet = workbook.Sheet("Data").Row(1, "Name", "Qty");
        for (var row = 2; row <= 40; row++)
        {
            sheet.Row(row, $"Customer {Invariant(row)}", row);
        }
        sheet.Cell("XFD40", "x");

        var table = Assert.Single(Inspect(Save(workbook)).Tables);

        Assert.Equal(["Name", "Qty"], table.Columns);
        Assert.Equal(2, table.ColumnProfiles.Count);
        Assert.Equal(39, table.RowCount);
    }

    [Fact]
    public void A_range_declared_over_the_whole_sheet_and_styled_blanks_to_XFD_give_only_the_columns_with_values()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data")
            .Dimension("A1:XFD1048576")
            .Row(1, "Code", "Name").Cell("XFD1", XlsxCell.StyledBlank)
            .Row(2, "C1", "Acme").Cell("XFD2", XlsxCell.StyledBlank)
            .Row(1_048_576, "C2", "Beta").Cell("XFD1048576", XlsxCell.StyledBlank);

        var table = Assert.Single(Inspect(Save(workbook)).Tables);

        Assert.Equal(["Code", "Name"], table.Columns);
        Assert.Equal(2, table.ColumnProfiles.Count);
        Assert.Equal(2, table.RowCount);
    }

    [Fact]
    public void A_merged_range_over_the_whole_sheet_is_refused_for_its_width()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").Row(1, "Name", "Qty").Row(2, "Acme", 1).Merge("A1:XFD1048576");

        Refused<TableTooWideException>(Save(workbook), "The sheet 'Data' has more than 1,000 columns");
    }

    [Fact]
    public void A_merged_range_reaching_a_million_rows_down_fills_no_more_rows_than_the_sheet_holds()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Regions")
            .Row(1, "Region", "Branch")
            .Row(2, "North", "Delhi")
            .Row(3, null, "Agra")
            .Row(1_048_576, null, "Chennai")
            .Merge("A2:A1048576");

        var table = Assert.Single(Inspect(Save(workbook)).Tables);

        // Rows 2 and 3 and the last row hold values; of the million rows between, only as many as the three rows read
        // before them are filled in from the merge.
        Assert.Equal(6, table.RowCount);
        Assert.Equal(["North"], table.ColumnProfiles[0].SampleValues);
    }

    [Fact]
    public void Overlapping_merged_ranges_which_Excel_never_writes_are_read_as_the_first_of_them()
    {
        var workbook = new XlsxBuilder();
        var sheet = workbook.Sheet("Data").Row(1, "Name", "Qty").Row(2, "Acme", 1).Row(3, null, 2);
        sheet.Merge("A2:A3");
        for (var i = 0; i < 5_000; i++)
        {
            sheet.Merge("A2:B1048576");
        }

        var table = Assert.Single(Inspect(Save(workbook)).Tables);

        Assert.Equal(2, table.RowCount);
        Assert.Equal(["Acme"], table.ColumnProfiles[0].SampleValues);
        Assert.Equal(["1", "2"], table.ColumnProfiles[1].SampleValues);
    }

    [Fact]
    public void Cells_and_merged_ranges_past_the_read_width_are_never_kept()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").Row(1, "a", "b").Cell("XFD1", "z").Merge("B1:XFC1");
        using var rows = ExcelWorkbook.OpenSheet(Save(workbook), "Data");
        rows.ReadWidth = 3;

        Assert.True(rows.Read());

        Assert.Equal(3, rows.FieldCount);
        Assert.Equal(["a", "b", "b"], Enumerable.Range(0, 3).Select(rows.GetText));
        Assert.Null(rows.GetText(3));
    }

    [Fact]
    public void A_long_text_shared_by_every_cell_is_kept_in_the_profile_only_as_its_start()
    {
        var text = new string('x', 100_000);
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").Row(1, "Name", "Notes").Row(2, "Acme", text).Row(3, "Beta", text);

        var table = Assert.Single(Inspect(Save(workbook)).Tables);

        Assert.Equal(text[..ProfileText.MaxLength] + "…", table.Preview[0]["Notes"]);
        Assert.Equal(text[..ProfileText.MaxLength] + "…", Assert.Single(table.ColumnProfiles[1].SampleValues));
    }

    [Fact]
    public void A_workbook_of_more_sheets_than_the_limit_is_refused_before_any_is_read()
    {
        var workbook = new XlsxBuilder();
        for (var i = 1; i <= 4; i++)
        {
            workbook.Sheet($"Sheet{i}");
        }

        Refused<SourceFormatException>(Save(workbook), "The workbook has 4 sheets; Ferry reads at most 3 tables per file (Sources:MaxTables",
            new SourceOptions { MaxTables = 3 });
    }

    [Fact]
    public void A_sheet_as_wide_as_the_limit_is_read_and_one_column_more_is_refused()
    {
        var limits = new SourceOptions { MaxColumns = 50 };
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").Row(1, Cells(50, i => $"Field {Invariant(i)}")).Row(2, Cells(50, i => i));

        Assert.Equal(50, Assert.Single(Inspect(Save(workbook), limits).Tables).ColumnProfiles.Count);

        var wider = new XlsxBuilder();
        wider.Sheet("Data").Row(1, Cells(51, i => $"Field {Invariant(i)}")).Row(2, Cells(51, i => i));
        Refused<TableTooWideException>(Save(wider), "The sheet 'Data' has more than 50 columns", limits);
    }

    [Fact]
    public void A_legacy_sheet_merged_down_ten_thousand_rows_fills_no_more_rows_than_it_holds()
    {
        var path = Path.Combine(_folder.Path, "legacy.xls");
        LegacyFiles.MergedDownTenThousandRows(path);

        var table = Assert.Single(Inspect(path).Tables);

        // Rows 2 and 10,000 hold values; of the 9,997 rows between, as many as the two rows read before them are
        // filled in from the merge.
        Assert.Equal(["Name", "Qty"], table.Columns);
        Assert.Equal(4, table.RowCount);
    }

    [Fact]
    public void A_legacy_sheet_wider_than_the_limit_is_refused_and_read_within_it()
    {
        var path = Path.Combine(_folder.Path, "legacy.xls");
        LegacyFiles.StrayValueInTheLastColumn(path);

        Refused<TableTooWideException>(path, "The sheet 'Data' has more than 100 columns", new SourceOptions { MaxColumns = 100 });

        var table = Assert.Single(Inspect(path).Tables);
        Assert.Equal(256, table.ColumnProfiles.Count);
        Assert.Equal(254, table.ColumnProfiles.Count(p => p.InferredType == "empty"));
    }

    [Fact]
    public void A_CSV_of_200000_columns_is_refused_before_its_row_is_parsed()
    {
        var header = string.Join(",", Enumerable.Range(1, 200_000).Select(i => "c" + Invariant(i)));

        Refused<TableTooWideException>(Csv(header + "\n" + header + "\n"), "Row 1 of the file has more than 1,000 columns");
    }

    [Fact]
    public void A_CSV_header_one_column_past_the_limit_is_refused_with_its_count()
    {
        var header = string.Join(",", Enumerable.Range(1, 1_001).Select(i => "c" + Invariant(i)));

        Refused<TableTooWideException>(Csv(header + "\n1\n"), "The file has 1,001 columns; Ferry reads at most 1,000 per table");
    }

    [Fact]
    public void Rows_ending_in_sixteen_thousand_empty_fields_are_read_as_the_columns_with_values()
    {
        var empty = new string(',', 16_000);
        var text = new StringBuilder($"Name,Qty{empty}\n");
        for (var i = 1; i <= 50; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Customer {i},{i}{empty}\n");
        }

        var table = Assert.Single(Inspect(Csv(text.ToString())).Tables);

        Assert.Equal(["Name", "Qty"], table.Columns);
        Assert.Equal(2, table.ColumnProfiles.Count);
        Assert.Equal(50, table.RowCount);
    }

    [Fact]
    public void A_quoted_field_full_of_delimiters_and_line_breaks_is_one_field()
    {
        var value = string.Concat(Enumerable.Repeat(",\"\"\n", 20_000));
        var path = Csv($"Name,Notes\nAcme,\"{value}\"\n");

        using var reader = CsvTable.Open(path);

        Assert.True(reader.Read());
        Assert.Equal(string.Concat(Enumerable.Repeat(",\"\n", 20_000)).Trim(), reader.GetValue(1));
    }

    [Fact]
    public void Short_rows_in_a_wide_CSV_are_read_only_as_far_as_their_values()
    {
        var header = string.Join(",", Enumerable.Range(1, 999).Select(i => "c" + Invariant(i)));
        var path = Csv(header + "\n" + string.Concat(Enumerable.Repeat("1\n", 100)));

        using (var reader = CsvTable.Open(path))
        {
            Assert.True(reader.Read());
            Assert.Equal(1, reader.FieldCount);
        }
        var table = Assert.Single(Inspect(path).Tables);
        Assert.Equal(999, table.ColumnProfiles.Count);
        Assert.Equal(998, table.ColumnProfiles.Count(p => p.InferredType == "empty"));
        Assert.Equal(100, table.RowCount);
    }

    [Fact]
    public void A_JSON_record_with_more_keys_than_the_limit_is_refused()
    {
        var keys = string.Join(",", Enumerable.Range(1, 11).Select(i => $"\"k{Invariant(i)}\":{Invariant(i)}"));

        Refused<TableTooWideException>(Json("[{" + keys + "}]"), "The table 'records' (by its record 1) has more than 10 different fields",
            new SourceOptions { MaxColumns = 10 });
    }

    [Fact]
    public void A_JSON_record_of_many_arrays_of_objects_is_refused_past_the_table_limit()
    {
        var arrays = string.Join(",", Enumerable.Range(1, 1_000).Select(i => $"\"k{Invariant(i)}\":[{{\"a\":1}}]"));

        Refused<SourceFormatException>(Json("[{" + arrays + "}]"), "The JSON file has more than 100 tables; Ferry reads at most 100 tables per file");
    }

    [Fact]
    public void A_JSON_envelope_of_many_empty_arrays_is_refused_past_the_table_limit()
    {
        var arrays = string.Join(",", Enumerable.Range(1, 1_000).Select(i => $"\"k{Invariant(i)}\":[]"));

        Refused<SourceFormatException>(Json("{" + arrays + "}"), "The JSON file has more than 100 tables");
    }

    [Fact]
    public void A_short_record_in_a_wide_JSON_table_holds_only_its_own_values()
    {
        var keys = string.Join(",", Enumerable.Range(1, 999).Select(i => $"\"k{Invariant(i)}\":{Invariant(i)}"));
        var path = Json("[{" + keys + "},{\"k1\":7}]");

        using var reader = (IRaggedRecordReader)new SourceOpener().Open(path);
        Assert.True(reader.Read());
        Assert.True(reader.Read());

        Assert.Equal(1, reader.FieldCount);
        Assert.Equal("7", reader.GetValue(0));
        Assert.Null(reader.GetValue(998));
    }
}
