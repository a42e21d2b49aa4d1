using Ferry.Core;
using Ferry.Core.Sources;
using Ferry.Tests.Fixtures;
using Ferry.Testing;

namespace Ferry.Sources.Tests;

/// <summary>One opener for every format: told apart by content, every table profiled, the chosen one streamed.</summary>
[UseCulture("de-DE")]
public sealed class SourceOpenerFormatTests : IDisposable
{
    readonly TempFolder _folder = new();
    readonly SourceOpener _opener = new();

    public void Dispose() => _folder.Dispose();

    string Workbook(XlsxBuilder builder, string name = "upload.bin")
    {
        var path = System.IO.Path.Combine(_folder.Path, name);
        builder.Save(path);
        return path;
    }

    static XlsxBuilder DayBookAndCustomers()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Day Book")
            .Row(1, "JINKRUPA ENTERPRISES").Merge("A1:C1")
            .Row(2, "Day Book").Merge("A2:C2")
            .Row(3, "1-Dec-23 to 31-Jan-24").Merge("A3:C3")
            .Row(5, "Date", "Particulars", "Vch Type", "Vch No.", "Debit Amount", "Credit Amount")
            .Row(6, null, null, null, null, "Inwards Qty", "Outwards Qty")
            .Row(7, new DateTime(2023, 12, 4), "Yalagur Agency", "GST Supply", 114, 422581.77, null)
            .Row(8, new DateTime(2023, 12, 7), "Rajendra Ginning", "Receipt", 11, null, 207486.77)
            .Row(9, "Grand Total", null, null, null, 422581.77, 207486.77);
        workbook.Sheet("Customers")
            .Row(1, null, null, "Billing", null)
            .Merge("C1:D1")
            .Row(2, "Customer Name", "GSTIN", "City", "PIN Code", "Code")
            .Row(3, "Acme Traders", "27AAPFU0939F1ZV", "Pune", 411001, XlsxCell.Number(7, "000"))
            .Row(4, "Beta Stores", null, "Mumbai", 400001, XlsxCell.Number(12, "000"));
        workbook.Sheet("Empty");
        return workbook;
    }

    [Fact]
    public void A_workbook_is_recognised_by_content_and_every_sheet_with_data_is_a_table()
    {
        var inspection = _opener.Inspect(Workbook(DayBookAndCustomers()));

        Assert.Equal("xlsx", inspection.Format);
        Assert.Equal(["Day Book", "Customers"], inspection.Tables.Select(t => t.Name));
        var dayBook = inspection.Tables[0];
        Assert.Equal(6, dayBook.HeaderRow);
        Assert.Equal(["Date", "Particulars", "Vch Type", "Vch No.", "Debit Amount / Inwards Qty", "Credit Amount / Outwards Qty"], dayBook.Columns);
        Assert.Equal((2L, 1L), (dayBook.RowCount, dayBook.TotalRows));
        Assert.Equal("2023-12-04", dayBook.Preview[0]["Date"]);
        Assert.Equal("date", dayBook.ColumnProfiles[0].InferredType);
        var customers = inspection.Tables[1];
        Assert.Equal(["Customer Name", "GSTIN", "Billing / City", "Billing / PIN Code", "Code"], customers.Columns);
        Assert.Equal("text", customers.ColumnProfiles[3].InferredType);
        Assert.Contains("pin_code", customers.ColumnProfiles[3].Patterns);
        Assert.Equal(["007", "012"], customers.Preview.Select(r => r["Code"]));
        Assert.Equal("text", customers.ColumnProfiles[4].InferredType);
    }

    [Fact]
    public void The_chosen_sheet_streams_with_locations_that_name_it()
    {
        using var reader = _opener.Open(Workbook(DayBookAndCustomers()), new TableChoice("Customers"));

        Assert.True(reader.Read());
        Assert.Equal(("Customers row 3", "Acme Traders"), (reader.Location, reader.GetValue(0)));
        Assert.True(reader.Read());
        Assert.False(reader.Read());
    }

    [Fact]
    public void Without_a_choice_the_first_sheet_with_data_is_read_and_an_unknown_sheet_is_refused_with_the_names()
    {
        var path = Workbook(DayBookAndCustomers());
        using (var reader = _opener.Open(path))
        {
            Assert.Equal("Date", reader.Columns[0]);
        }

        var error = Assert.Throws<SourceFormatException>(() => _opener.Open(path, new TableChoice("Vendors")));
        Assert.Contains("Day Book", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_row_chosen_for_a_sheet_replaces_the_detected_one()
    {
        var inspection = _opener.Inspect(Workbook(DayBookAndCustomers()), new InspectOptions(HeaderRows: new Dictionary<string, int> { ["Customers"] = 1 }));

        Assert.Equal(1, inspection.Tables.Single(t => t.Name == "Customers").HeaderRow);
    }

    [Fact]
    public void A_legacy_xls_workbook_is_read_through_the_same_opener()
    {
        var path = System.IO.Path.Combine(_folder.Path, "upload.bin");
        Excel.LegacyFiles.TwoSheetWorkbook(path);

        var inspection = _opener.Inspect(path);

        Assert.Equal("xls", inspection.Format);
        var customers = inspection.Tables.Single(t => t.Name == "Customers");
        Assert.Equal(["Name", "Balance", "Joined", "PIN"], customers.Columns);
        Assert.Equal((1L, 1L), (customers.RowCount, customers.TotalRows));
        Assert.Equal(("Acme Traders", "2024-03-31", "040001"), (customers.Preview[0]["Name"], customers.Preview[0]["Joined"], customers.Preview[0]["PIN"]));
    }

    [Fact]
    public void A_JSON_envelope_gives_its_record_arrays_and_their_child_lines_as_tables()
    {
        var path = _folder.File(Bytes.Ascii("""
            {"code":0,"message":"success","invoices":[
              {"invoice_number":"INV-1","date":"2024-03-31","customer":{"name":"Acme"},"total":"1180.00","line_items":[{"item":"Rice","qty":2},{"item":"Dal","qty":1}]},
              {"invoice_number":"INV-2","date":"2024-04-01","customer":{"name":"Beta"},"total":"590.00","line_items":[{"item":"Oil","qty":5}]}
            ],"page_context":{"page":1}}
            """), "upload.bin");

        var inspection = _opener.Inspect(path);

        Assert.Equal("json", inspection.Format);
        Assert.Equal(["invoices", "invoices.line_items"], inspection.Tables.Select(t => t.Name));
        Assert.Equal(["invoice_number", "date", "customer.name", "total"], inspection.Tables[0].Columns);
        var lines = inspection.Tables[1];
        Assert.Equal(("invoices", 3L), (lines.Parent, lines.RowCount));
        Assert.Equal("2", lines.Preview[2]["_parent"]);
        Assert.Equal("date", inspection.Tables[0].ColumnProfiles[1].InferredType);
    }

    [Fact]
    public void A_semicolon_file_with_comma_decimals_is_profiled_as_such()
    {
        var inspection = _opener.Inspect(_folder.File(Bytes.Ascii("Artikel;Preis\r\nBolt;1.234,50\r\nNut;0,75\r\nWasher;12,00\r\n")));

        Assert.Equal((";", "crlf"), (inspection.Delimiter, inspection.LineEnding));
        Assert.Contains("decimal_comma", inspection.Tables[0].ColumnProfiles[1].Patterns);
    }

    [Fact]
    public void Day_and_month_order_that_no_value_decides_is_reported_not_guessed()
    {
        var profile = _opener.Inspect(_folder.File(Bytes.Ascii("Date,Amount\n01/02/2024,10\n03/04/2024,20\n"))).Tables[0].ColumnProfiles[0];

        Assert.Equal("date", profile.InferredType);
        Assert.Contains(profile.Notes, n => n.Contains("01/02/2024", StringComparison.Ordinal));
    }

    [Fact]
    public void XML_that_is_not_a_Tally_export_is_refused_with_its_root_element()
    {
        var error = Assert.Throws<SourceFormatException>(() => _opener.Inspect(_folder.File(Bytes.Ascii("<?xml version=\"1.0\"?>\n<customers><customer/></customers>"))));

        Assert.Equal(ErrorCodes.InvalidFileFormat, error.ErrorCode);
        Assert.Contains("<customers>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XML_declaring_a_DTD_is_refused_before_any_entity_is_expanded()
    {
        var billionLaughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]>\n<ENVELOPE>&lol2;</ENVELOPE>";

        var error = Assert.Throws<SourceFormatException>(() => _opener.Inspect(_folder.File(Bytes.Ascii(billionLaughs))));

        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Tally_day_book_without_masters_is_previewed_as_its_vouchers()
    {
        var dayBook = new TallyXmlBuilder().Company("Acme Traders")
            .Message(TallyXmlBuilder.Voucher("Sales", "S-1", "20240402", "Globex Retail",
                [TallyXmlBuilder.LedgerEntry("Globex Retail", -1180m, deemedPositive: true), TallyXmlBuilder.LedgerEntry("Sales", 1180m, deemedPositive: false)]))
            .Message(TallyXmlBuilder.Voucher("Receipt", "R-1", "20240405", "Globex Retail",
                [TallyXmlBuilder.LedgerEntry("Cash", -1180m, deemedPositive: true), TallyXmlBuilder.LedgerEntry("Globex Retail", 1180m, deemedPositive: false)]))
            .Save(_folder.Path);

        var inspection = _opener.Inspect(dayBook);

        var vouchers = Assert.Single(inspection.Tables);
        Assert.Equal(("vouchers", 2L), (vouchers.Name, vouchers.RowCount));
        Assert.Equal(["date", "voucher_type", "number", "party", "amount", "narration"], vouchers.Columns);
        Assert.Equal(("2024-04-02", "Sales", "1180.00"), (vouchers.Preview[0]["date"], vouchers.Preview[0]["voucher_type"], vouchers.Preview[0]["amount"]));
    }

    [Fact]
    public void A_Tally_export_with_neither_masters_nor_vouchers_is_refused_with_what_to_export()
    {
        var empty = new TallyXmlBuilder().Company("Acme Traders").Message(TallyXmlBuilder.EmptyShell("LEDGER.LIST")).Save(_folder.Path);

        var error = Assert.Throws<SourceFormatException>(() => _opener.Inspect(empty));

        Assert.Contains("Day Book", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Word_document_uploaded_as_data_is_named_for_what_it_is()
    {
        var path = System.IO.Path.Combine(_folder.Path, "upload.bin");
        XlsxBuilder.Zip(path, ("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""), ("word/document.xml", "<w:document/>"));

        var error = Assert.Throws<SourceFormatException>(() => _opener.Inspect(path));

        Assert.Contains("Word", error.Message, StringComparison.Ordinal);
    }
}
