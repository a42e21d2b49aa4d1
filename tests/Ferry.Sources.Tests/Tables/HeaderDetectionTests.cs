using Ferry.Core;
using Ferry.Core.Sources;
using Ferry.Sources.Csv;
using Ferry.Sources.Tables;

namespace Ferry.Sources.Tests.Tables;

/// <summary>Reports exported from accounting software put titles above the header and a second header row around it.</summary>
public sealed class HeaderDetectionTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    GridRecordReader Open(string text, long? headerRow = null) => CsvTable.Open(_folder.File(Bytes.Ascii(text)), headerRow);

    static List<string?[]> ReadAll(GridRecordReader reader)
    {
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.Columns.Count).Select(reader.GetValue)]);
        }
        return rows;
    }

    [Fact]
    public void Title_rows_above_the_header_are_skipped_and_rows_keep_their_spreadsheet_numbers()
    {
        using var reader = Open("ACME TRADERS PVT LTD\nCustomer list as on 31-03-2024\n\nCustomer Name,City,GSTIN\nAcme,Pune,27AAPFU0939F1ZV\nBeta,Mumbai,\n");

        Assert.Equal(4, reader.Layout.HeaderRow);
        Assert.Equal(["Customer Name", "City", "GSTIN"], reader.Columns);
        Assert.True(reader.Read());
        Assert.Equal(("row 5", 1L, "Acme"), (reader.Location, reader.RowNumber, reader.GetValue(0)));
        Assert.True(reader.Read());
        Assert.Equal(("row 6", 2L), (reader.Location, reader.RowNumber));
        Assert.False(reader.Read());
    }

    [Fact]
    public void A_unit_row_under_the_header_is_joined_to_the_columns_it_sits_under()
    {
        using var reader = Open(
            "Day Book\n1-Dec-23 to 31-Jan-24\n" +
            "Date,Particulars,Vch Type,Vch No.,Debit Amount,Credit Amount\n" +
            ",,,,Inwards Qty,Outwards Qty\n" +
            "04-12-2023,Yalagur Agency,GST Supply,114,422581.77,\n" +
            "07-12-2023,Rajendra Ginning,Receipt,11,,207486.77\n");

        Assert.Equal(["Date", "Particulars", "Vch Type", "Vch No.", "Debit Amount / Inwards Qty", "Credit Amount / Outwards Qty"], reader.Columns);
        Assert.Equal((4L, 2), (reader.Layout.HeaderRow, reader.Layout.HeaderRows));
        var rows = ReadAll(reader);
        Assert.Equal(2, rows.Count);
        Assert.Equal("422581.77", rows[0][4]);
        Assert.Equal("207486.77", rows[1][5]);
    }

    [Fact]
    public void A_group_row_above_the_header_names_the_columns_under_each_group()
    {
        using var reader = Open(",Billing,,Shipping,\nName,City,State,City,State\nAcme,Pune,Maharashtra,Surat,Gujarat\n");

        Assert.Equal(["Name", "Billing / City", "Billing / State", "Shipping / City", "Shipping / State"], reader.Columns);
        Assert.Equal("Surat", ReadAll(reader)[0][3]);
    }

    [Fact]
    public void A_sparse_data_row_of_text_is_data_not_a_second_header_row()
    {
        using var reader = Open("Name,City,Email\nAcme,,\nBeta,Pune,beta@example.in\n");

        Assert.Equal(["Name", "City", "Email"], reader.Columns);
        Assert.Equal((1L, 1), (reader.Layout.HeaderRow, reader.Layout.HeaderRows));
        Assert.Equal(["Acme", "Beta"], ReadAll(reader).Select(r => r[0]));
    }

    [Fact]
    public void Rows_labelled_as_totals_are_counted_and_left_out_of_the_data()
    {
        using var reader = Open("Name,Amount\nAcme,10\nBeta,20\nSub Total,30\nGamma,5\nGrand Total:,35\n");

        Assert.Equal(["Acme", "Beta", "Gamma"], ReadAll(reader).Select(r => r[0]));
        Assert.Equal(2, reader.TotalRows);
    }

    [Fact]
    public void A_customer_whose_name_starts_with_Total_is_data()
    {
        using var reader = Open("Name,Amount\nTotal Solutions Pvt Ltd,10\n");

        Assert.Equal("Total Solutions Pvt Ltd", Assert.Single(ReadAll(reader))[0]);
    }

    [Fact]
    public void A_header_row_chosen_by_the_user_wins_over_detection()
    {
        using var reader = Open("Name,City\nCode,Label\nC-1,First\n", headerRow: 2);

        Assert.Equal(["Code", "Label"], reader.Columns);
        Assert.Equal("C-1", Assert.Single(ReadAll(reader))[0]);
    }

    [Fact]
    public void A_chosen_header_row_that_is_blank_or_missing_is_refused_with_the_rows_that_exist()
    {
        var error = Assert.Throws<SourceFormatException>(() => Open("Name,City\n\nAcme,Pune\n", headerRow: 2));

        Assert.Equal(ErrorCodes.InvalidFileFormat, error.ErrorCode);
        Assert.Contains("Row 2 cannot be the header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_with_numbers_in_it_is_not_taken_for_the_header()
    {
        using var reader = Open("Report 2024\nItem,Qty,Rate\nBolt,10,2.50\nNut,20,1.25\n");

        Assert.Equal(["Item", "Qty", "Rate"], reader.Columns);
        Assert.Equal(2, ReadAll(reader).Count);
    }

    [Fact]
    public void A_single_column_file_keeps_its_first_row_as_the_header()
    {
        using var reader = Open("Name\nAcme\nBeta\n");

        Assert.Equal(["Name"], reader.Columns);
        Assert.Equal(2, ReadAll(reader).Count);
    }
}
