using Ferry.Core.Sources;
using Ferry.Sources.Tally;
using Ferry.Tests.Fixtures;
using static Ferry.Tests.Fixtures.TallyXmlBuilder;

namespace Ferry.Sources.Tests.Tally;

/// <summary>Tally masters read as tables whose columns are the ERP's field names.</summary>
public sealed class TallyTablesTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    static readonly TallyPartyFixture Globex = new("Globex Retail Pvt Ltd", ["12 MG Road", "Shivajinagar", "Bengaluru"], "Karnataka", "560001", "India",
        "29AAPFU0939F1ZV", "Regular", "AAPFU0939F", "080-1234567", "9800000000", "ap@globex.example");

    static readonly TallyPartyFixture Om = new("Om Plastics", ["50A Ring Road", "Agra"], "Uttar Pradesh", "282010", "India",
        "09AAPFU0939F1ZV", "Regular - SEZ", "AAPFU0939F", "", "9800000001", "om@plastics.example");

    string Books(TallyFileEncoding encoding = TallyFileEncoding.Utf16LeBom) => new TallyXmlBuilder().Company("Acme Traders")
        .Message(Group("Sundry Debtors", "Current Assets", revenue: false, deemedPositive: true, reserved: "Sundry Debtors"),
            Group("Trade Payables", "Current Liabilities", revenue: false, deemedPositive: false, reserved: "Sundry Creditors"),
            Group("Bengaluru Customers", "Sundry Debtors", revenue: false, deemedPositive: true))
        .Message(FlatPartyLedger("Globex Retail", "Bengaluru Customers", Globex, opening: -29292.00m), Ledger("Cash", "Cash-in-Hand", opening: -5000m))
        .Message(NestedPartyLedger("Om Plastics", "Trade Payables", Om, opening: 12000m), Ledger("Sales", "Sales Accounts"))
        .Message(Ledger("Cash", "Cash-in-Hand"), Unit("Nos", "Numbers"),
            StockItem("Basmati Rice 5 kg", null, "Nos", "1006", 5m, 10m, 1250.50m))
        .Save(_folder.Path, encoding);

    static List<Dictionary<string, string?>> Rows(IRecordReader reader)
    {
        var rows = new List<Dictionary<string, string?>>();
        while (reader.Read())
        {
            rows.Add(reader.Columns.Select((c, i) => (c, reader.GetValue(i))).ToDictionary(p => p.c, p => p.Item2));
        }
        return rows;
    }

    [Theory]
    [InlineData(TallyFileEncoding.Utf16LeBom)]
    [InlineData(TallyFileEncoding.Utf8)]
    public void Ledgers_come_once_each_with_their_opening_balance_split_into_amount_and_side(TallyFileEncoding encoding)
    {
        using var reader = TallyTables.Open(Books(encoding), TallyTables.Ledgers);

        var rows = Rows(reader).ToDictionary(r => r["name"]!);

        Assert.Equal(["Globex Retail", "Cash", "Om Plastics", "Sales"], rows.Keys);
        Assert.Equal(("29292.00", "Dr", "Bengaluru Customers"), (rows["Globex Retail"]["opening_balance"], rows["Globex Retail"]["opening_balance_side"], rows["Globex Retail"]["group_name"]));
        Assert.Equal(("12000.00", "Cr"), (rows["Om Plastics"]["opening_balance"], rows["Om Plastics"]["opening_balance_side"]));
        Assert.Equal("5000.00", rows["Cash"]["opening_balance"]);
        Assert.Null(rows["Sales"]["opening_balance_side"]);
    }

    [Fact]
    public void Parties_under_debtors_and_a_renamed_creditors_group_become_contacts_from_either_ledger_shape()
    {
        using var reader = TallyTables.Open(Books(), TallyTables.Contacts);

        var rows = Rows(reader).ToDictionary(r => r["display_name"]!);

        Assert.Equal(["Globex Retail", "Om Plastics"], rows.Keys);
        var globex = rows["Globex Retail"];
        Assert.Equal(("customer", "29AAPFU0939F1ZV", "regular", "12 MG Road", "Shivajinagar, Bengaluru", "Karnataka", "560001"),
            (globex["contact_type"], globex["gstin"], globex["gst_treatment"], globex["billing_line1"], globex["billing_line2"], globex["billing_state"], globex["billing_pin_code"]));
        Assert.Equal("Globex Retail Pvt Ltd", globex["company_name"]);
        var om = rows["Om Plastics"];
        Assert.Equal(("vendor", "09AAPFU0939F1ZV", "sez", "Uttar Pradesh", "om@plastics.example", "12000.00", "Cr"),
            (om["contact_type"], om["gstin"], om["gst_treatment"], om["billing_state"], om["email"], om["opening_balance"], om["opening_balance_side"]));
        Assert.Equal("LEDGER 'Om Plastics'", reader.Location);
    }

    [Fact]
    public void Stock_items_become_products_with_their_HSN_unit_and_GST_rate()
    {
        using var reader = TallyTables.Open(Books(), TallyTables.Products);

        var rice = Assert.Single(Rows(reader));

        Assert.Equal(("Basmati Rice 5 kg", "1006", "Nos", "5"), (rice["sku"], rice["hsn_sac"], rice["unit_symbol"], rice["gst_rate"]));
    }

    [Fact]
    public void The_opener_profiles_the_master_tables_of_a_Tally_export()
    {
        var inspection = new SourceOpener().Inspect(Books());

        Assert.Equal(("tally-xml", "utf-16le"), (inspection.Format, inspection.Encoding));
        Assert.Equal(["ledgers", "contacts", "products"], inspection.Tables.Select(t => t.Name));
        Assert.Equal(4, inspection.Tables[0].RowCount);
    }
}
