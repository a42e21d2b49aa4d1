using Ferry.Sources.Tally;
using Ferry.Testing;
using Ferry.Tests.Fixtures;
using static Ferry.Tests.Fixtures.TallyXmlBuilder;

namespace Ferry.Sources.Tests.Tally;

[UseCulture("de-DE")]
public sealed class TallyMasterTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    TallyMasters Masters()
    {
        var masters = new TallyMasters();
        foreach (var item in TallyBooks.ReadAll(TallyBooks.Builder().Save(_folder.Path)))
        {
            masters.Add(item);
        }
        return masters;
    }

    [Fact]
    public void Both_ledger_shapes_give_the_same_party_details()
    {
        var masters = Masters();

        var flat = masters.Ledgers["Globex Retail"].Party;
        var nested = masters.Ledgers["Om Plastics"].Party;

        Assert.Equal(["12 MG Road", "Bengaluru"], flat.Address);
        Assert.Equal(flat with { MailingName = "Om Plastics", PlaceOfSupply = null, Address = [] }, nested with { PlaceOfSupply = null, Address = [] });
        Assert.Equal(flat.Address, nested.Address);
        Assert.Equal(
            ("Karnataka", "560001", "29AAAAA0000A1Z5", "Regular", "AAAAA0000A", "9800000000", "ap@globex.example"),
            (nested.State, nested.Pincode, nested.Gstin, nested.GstRegistrationType, nested.Pan, nested.Mobile, nested.Email));
        Assert.Equal("Karnataka", nested.PlaceOfSupply);
    }

    [Fact]
    public void Repeated_masters_are_merged_by_name()
    {
        var masters = Masters();

        Assert.Equal(["Current Assets", "Sundry Debtors", "GST Dues", "Sales Accounts"], masters.Groups.Keys);
        Assert.Single(masters.Units, u => u.Key == "Nos");
        Assert.Equal(2, masters.Godowns.Count);
    }

    [Fact]
    public void A_repeat_fills_in_what_the_first_emission_left_empty()
    {
        var masters = new TallyMasters();
        masters.Add(new TallyGroup("Cash-in-Hand", null, null, null, null, null, null));
        masters.Add(new TallyGroup("Cash-in-Hand", "Current Assets", "Cash-in-Hand", false, true, false, "g-1"));
        masters.Add(new TallyGroup("Cash-in-Hand", "Somewhere Else", null, true, false, true, "g-2"));

        Assert.Equal(new TallyGroup("Cash-in-Hand", "Current Assets", "Cash-in-Hand", false, true, false, "g-1"), masters.Groups["Cash-in-Hand"]);
    }

    [Fact]
    public void A_renamed_reserved_group_keeps_its_reserved_name_and_flags()
    {
        var group = Masters().Groups["GST Dues"];

        Assert.Equal(new TallyGroup("GST Dues", "Current Liabilities", "Duties & Taxes", false, false, false, group.Guid), group);
        Assert.Null(Masters().Groups["Current Assets"].Parent);
    }

    [Fact]
    public void Ledger_openings_and_bills_take_their_side_from_the_sign()
    {
        var masters = Masters();

        var globex = masters.Ledgers["Globex Retail"];
        Assert.Equal((-5000m, TallySide.Debit), (globex.OpeningBalance, globex.OpeningSide));
        var bill = Assert.Single(globex.Bills);
        Assert.Equal(("INV/23-24/0593", new DateOnly(2024, 2, 23), -5000m, TallySide.Debit), (bill.Name, bill.Date, bill.OpeningBalance, bill.Side));
        Assert.Equal(TallySide.Credit, masters.Ledgers["Capital"].OpeningSide);
        Assert.Null(masters.Ledgers["Output IGST"].OpeningSide);
    }

    [Fact]
    public void Units_simple_and_compound()
    {
        var masters = Masters();

        Assert.Equal(new TallyUnit("Nos", "Numbers", true, null, null, null, 2, masters.Units["Nos"].Guid), masters.Units["Nos"]);
        var box = masters.Units["Box of 12 Nos"];
        Assert.Equal((false, "Box", "Nos", 12m), (box.IsSimple, box.BaseUnits, box.AdditionalUnits, box.Conversion));
    }

    [Fact]
    public void Stock_items_carry_HSN_GST_rate_and_opening_stock_per_godown_and_batch()
    {
        var item = Masters().StockItems["Choco Bar 50g"];

        Assert.Equal(("Chocolates", "Nos", "18063100", 18m), (item.Parent, item.BaseUnit, item.Hsn, item.GstRate));
        Assert.Equal(new TallyQuantity(120m, "Nos"), item.OpeningQuantity);
        Assert.Equal(new TallyRate(25m, "Nos"), item.OpeningRate);
        Assert.Equal(-3000m, item.OpeningValue);
        Assert.Equal(
            [
                new TallyOpeningBatch("Main Location", "Primary Batch", new TallyQuantity(100m, "Nos"), new TallyRate(25m, "Nos"), -2500m),
                new TallyOpeningBatch("Back Store", "B-7", new TallyQuantity(20m, "Nos"), new TallyRate(25m, "Nos"), -500m),
            ],
            item.OpeningBatches);
    }

    [Fact]
    public void Stock_groups_categories_and_voucher_types_are_read()
    {
        var masters = Masters();

        Assert.Equal(["Chocolates"], masters.StockGroups.Keys);
        Assert.Equal(["Imported"], masters.StockCategories.Keys);
        Assert.Equal(("Sales", null), (masters.VoucherTypes["GST Sales"].Parent, masters.VoucherTypes["GST Sales"].ReservedName));
    }
}
