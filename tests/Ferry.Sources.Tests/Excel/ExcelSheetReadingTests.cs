using Ferry.Core;
using Ferry.Core.Sources;
using Ferry.Sources.Excel;
using Ferry.Testing;
using Ferry.Tests.Fixtures;

namespace Ferry.Sources.Tests.Excel;

[UseCulture("de-DE")]
// Both read workbooks whose shared strings go to temporary files, which one test counts.
[Collection("Temporary shared string files")]
public sealed class ExcelSheetReadingTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    string Save(XlsxBuilder workbook, string name = "upload.xlsx")
    {
        var path = Path.Combine(_folder.Path, name);
        workbook.Save(path);
        return path;
    }

    [Fact]
    public void Sheet_names_come_in_workbook_order()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Customers").Row(1, "Name");
        workbook.Sheet("Items").Row(1, "SKU");
        workbook.Sheet("Notes & Remarks");

        Assert.Equal(["Customers", "Items", "Notes & Remarks"], ExcelWorkbook.SheetNames(Save(workbook)));
    }

    [Fact]
    public void Any_sheet_can_be_opened_by_name()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Customers").Row(1, "Name");
        workbook.Sheet("Items").Row(1, "SKU").Row(2, "SKU-1");

        var rows = SheetRows.ReadAll(Save(workbook), "Items");

        Assert.Equal(2, rows.Count);
        Assert.Equal(["SKU"], rows[0].Cells);
        Assert.Equal(["SKU-1"], rows[1].Cells);
    }

    [Fact]
    public void A_sheet_that_is_not_there_is_refused_with_the_sheets_that_are()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Customers").Row(1, "Name");
        workbook.Sheet("Items").Row(1, "SKU");

        var error = Assert.Throws<SourceFormatException>(() => ExcelWorkbook.OpenSheet(Save(workbook), "Ledgers"));

        Assert.Equal(ErrorCodes.InvalidFileFormat, error.ErrorCode);
        Assert.Contains("no sheet named 'Ledgers'; its sheets are 'Customers', 'Items'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_and_missing_rows_are_skipped_but_counted()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data")
            .Row(1, "Name", "City")
            .Row(2, "Acme", "Pune")
            .Row(4)
            .Row(5, "   ", XlsxCell.StyledBlank, XlsxCell.Inline(" "))
            .Row(9, "Beta", "Nagpur");

        var rows = SheetRows.ReadAll(Save(workbook), "Data");

        Assert.Equal([1L, 2L, 9L], rows.Select(r => r.Row));
        Assert.Equal(["Beta", "Nagpur"], rows[2].Cells);
    }

    [Fact]
    public void Rows_may_start_below_the_first()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").Row(4, null, null, "Name").Row(5, null, null, "Acme");

        var rows = SheetRows.ReadAll(Save(workbook), "Data");

        Assert.Equal([4L, 5L], rows.Select(r => r.Row));
        Assert.Equal([null, null, "Name"], rows[0].Cells);
    }

    [Fact]
    public void A_row_ends_at_its_last_non_blank_cell()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data")
            .Row(1, "Name", "City", "GSTIN", "Notes")
            .Row(2, "Acme", null, "27AAPFU0939F1ZV", "  ", XlsxCell.StyledBlank, XlsxCell.Error("#N/A"));

        using var rows = ExcelWorkbook.OpenSheet(Save(workbook), "Data");
        Assert.True(rows.Read());
        Assert.Equal(4, rows.FieldCount);
        Assert.True(rows.Read());

        Assert.Equal(3, rows.FieldCount);
        Assert.Null(rows.GetText(1));
        Assert.Null(rows.GetText(3));
        Assert.Null(rows.GetText(50));
        Assert.False(rows.Read());
    }

    [Fact]
    public void A_merged_title_reads_as_its_text_across_the_whole_range()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Ledger")
            .Row(1, "Customer Ledger FY 2024-25", XlsxCell.StyledBlank, XlsxCell.StyledBlank, XlsxCell.StyledBlank)
            .Row(2, "Name", "City", "Balance", "Type")
            .Merge("A1:D1");

        var rows = SheetRows.ReadAll(Save(workbook), "Ledger");

        Assert.Equal(Enumerable.Repeat("Customer Ledger FY 2024-25", 4), rows[0].Cells);
        Assert.Equal(["Name", "City", "Balance", "Type"], rows[1].Cells);
    }

    [Fact]
    public void A_two_row_group_header_repeats_each_group_over_its_columns_and_rows()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Contacts")
            .Row(1, "Name", "Address", null, "Balance")
            .Row(2, null, "City", "PIN", null)
            .Row(3, "Acme", "Pune", XlsxCell.Number(411001, "000000"), 1500)
            .Merge("A1:A2")
            .Merge("B1:C1")
            .Merge("D1:D2");

        var rows = SheetRows.ReadAll(Save(workbook), "Contacts");

        Assert.Equal(["Name", "Address", "Address", "Balance"], rows[0].Cells);
        Assert.Equal(["Name", "City", "PIN", "Balance"], rows[1].Cells);
        Assert.Equal(["Acme", "Pune", "411001", "1500"], rows[2].Cells);
    }

    [Fact]
    public void A_vertical_merge_fills_down_even_through_rows_that_are_otherwise_missing()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Regions")
            .Row(1, "Region", "Branch")
            .Row(2, "North", "Delhi")
            .Row(3, null, "Chandigarh")
            .Row(5, "South", "Chennai")
            .Merge("A2:A4");

        var rows = SheetRows.ReadAll(Save(workbook), "Regions");

        Assert.Equal([1L, 2L, 3L, 4L, 5L], rows.Select(r => r.Row));
        Assert.Equal(["North", "Chandigarh"], rows[2].Cells);
        Assert.Equal(["North"], rows[3].Cells);
        Assert.Equal(["South", "Chennai"], rows[4].Cells);
    }

    [Fact]
    public void A_declared_range_of_the_whole_sheet_and_styled_blanks_far_out_do_not_widen_the_rows()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data")
            .Dimension("A1:XFD1048576")
            .Row(1, "Code", "Name")
            .Cell("XFD1", XlsxCell.StyledBlank)
            .Cell("XFD2", XlsxCell.StyledBlank)
            .GeneratedRows(20_000, i => [$"C{i}", $"Customer {i}"]);
        var path = Save(workbook);

        var rows = SheetRows.ReadAll(path, "Data");

        Assert.Equal(20_001, rows.Count);
        Assert.All(rows, r => Assert.Equal(2, r.Cells.Count));
        Assert.Equal(["C20000", "Customer 20000"], rows[^1].Cells);
    }

    [Fact]
    public void A_legacy_xls_workbook_gives_its_sheets_and_rows()
    {
        var path = Path.Combine(_folder.Path, "legacy.xls");
        LegacyFiles.TwoSheetWorkbook(path);

        Assert.Equal("xls", ExcelWorkbook.Identify(path));
        Assert.Equal(["Customers", "Items"], ExcelWorkbook.SheetNames(path));
        var customers = SheetRows.ReadAll(path, "Customers");
        Assert.Equal([1L, 3L, 4L], customers.Select(r => r.Row));
        Assert.Equal(["Name", "Balance", "Joined", "PIN"], customers[0].Cells);
        Assert.Equal(["Acme Traders", "1234.5", "2024-03-31", "040001"], customers[1].Cells);
        Assert.Equal(["Total", "Total"], customers[2].Cells);
        Assert.Equal(["SKU-1"], Assert.Single(SheetRows.ReadAll(path, "Items")).Cells);
    }
}
