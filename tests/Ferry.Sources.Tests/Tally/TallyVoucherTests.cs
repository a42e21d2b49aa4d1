using Ferry.Sources.Tally;
using Ferry.Testing;
using static Ferry.Tests.Fixtures.TallyXmlBuilder;

namespace Ferry.Sources.Tests.Tally;

[UseCulture("de-DE")]
public sealed class TallyVoucherTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    List<TallyVoucher> Vouchers() => [.. TallyBooks.ReadAll(TallyBooks.Builder().Save(_folder.Path)).OfType<TallyVoucher>()];

    [Fact]
    public void An_invoice_reads_its_header_ledger_lines_and_item_lines()
    {
        var sale = Vouchers()[0];

        Assert.Equal(
            ("GST Sales", "INV-101", new DateOnly(2024, 4, 1), "Globex Retail", true),
            (sale.Type, sale.Number, sale.Date, sale.Party, sale.IsInvoice));
        Assert.Equal(["Globex Retail", "Output IGST", "Round Off"], sale.LedgerEntries.Select(e => e.Ledger));
        var line = Assert.Single(sale.InventoryEntries);
        Assert.Equal(("Choco Bar 50g", new TallyQuantity(40m, "Nos"), new TallyRate(25m, "Nos"), 1000m, false), (line.Item, line.Quantity, line.Rate, line.Amount, line.IsInward));
        Assert.Equal(new TallyBatchAllocation("Main Location", "Primary Batch", new TallyQuantity(40m, "Nos"), 1000m), Assert.Single(line.Batches));
        var allocation = Assert.Single(line.AccountingAllocations);
        Assert.Equal(("Sales @18%", 1000m, TallySide.Credit), (allocation.Ledger, allocation.Amount, allocation.Side));
        Assert.Equal(0m, sale.Imbalance);
    }

    [Fact]
    public void Negative_amounts_are_debits_whatever_ISDEEMEDPOSITIVE_says()
    {
        var entries = Vouchers()[0].LedgerEntries;

        Assert.Equal((-1180m, true, TallySide.Debit), (entries[0].Amount, entries[0].IsDeemedPositive, entries[0].Side));
        Assert.Equal((180.20m, TallySide.Credit), (entries[1].Amount, entries[1].Side));
        Assert.Equal((-0.20m, false, TallySide.Debit), (entries[2].Amount, entries[2].IsDeemedPositive, entries[2].Side));
    }

    [Fact]
    public void Bill_allocations_keep_their_type_and_side()
    {
        var vouchers = Vouchers();

        var newRef = Assert.Single(vouchers[0].LedgerEntries[0].Bills);
        Assert.Equal(new TallyBillAllocation("INV-101", "New Ref", -1180m, "30 Days"), newRef);
        Assert.Equal(TallySide.Debit, newRef.Side);
        var receipt = vouchers[1];
        Assert.Equal(
            [("INV-101", "Agst Ref", 1180m, TallySide.Credit), ("INV/23-24/0593", "Agst Ref", 5000m, TallySide.Credit)],
            receipt.LedgerEntries[0].Bills.Select(b => (b.Name, b.BillType, b.Amount!.Value, b.Side!.Value)));
    }

    [Fact]
    public void Flags_and_narration_are_read()
    {
        var vouchers = Vouchers();

        Assert.Equal("Write-off", vouchers[2].Narration);
        Assert.True(vouchers[3].IsCancelled);
        Assert.True(vouchers[4].IsOptional);
        Assert.False(vouchers[4].IsCancelled || vouchers[4].IsDeleted);
    }

    [Fact]
    public void Older_exports_with_INVENTORYENTRIES_are_read_the_same()
    {
        var path = new Ferry.Tests.Fixtures.TallyXmlBuilder()
            .Message(Voucher("Purchase", "P-1", "20240401", "Om Plastics", invoice: true, lines:
            [
                InventoryEntry("Choco Bar 50g", 19m, "Number", 80m, "Main Location", "Primary Batch", "Purchases", deemedPositive: true, tag: "INVENTORYENTRIES.LIST"),
                LedgerEntry("Om Plastics", 1520m, deemedPositive: false, tag: "LEDGERENTRIES.LIST"),
            ]))
            .Save(_folder.Path);

        var purchase = Assert.IsType<TallyVoucher>(Assert.Single(TallyBooks.ReadAll(path)));

        var line = Assert.Single(purchase.InventoryEntries);
        Assert.Equal((new TallyQuantity(19m, "Number"), new TallyRate(80m, "Number"), -1520m, true), (line.Quantity, line.Rate, line.Amount, line.IsInward));
        Assert.Equal(0m, purchase.Imbalance);
    }

    [Theory]
    [InlineData("GST Sales", "Sales")]
    [InlineData("GST Sale Invoice", "Sales")]
    [InlineData("Sales", "Sales")]
    [InlineData("Counter Order", "Sales Order")]
    [InlineData("Journal", "Journal")]
    [InlineData("Mystery", null)]
    public void Custom_voucher_types_resolve_to_their_built_in_base(string type, string? expected)
    {
        var types = new Dictionary<string, TallyVoucherType>
        {
            ["Sales"] = new("Sales", "Sales", "Sales", null),
            ["GST Sales"] = new("GST Sales", "Sales", null, null),
            ["GST Sale Invoice"] = new("GST Sale Invoice", "GST Sale Invoice", "Sales", null),
            ["Counter Order"] = new("Counter Order", "Shop Order", null, null),
            ["Shop Order"] = new("Shop Order", "Sales Order", null, null),
        };

        Assert.Equal(expected, TallyVoucherKinds.BaseTypeOf(type, types));
    }

    [Theory]
    [InlineData("Memorandum", "memorandum")]
    [InlineData("Sales Order", "order")]
    [InlineData("Job Work In Order", "order")]
    [InlineData("Delivery Note", "not_accounting")]
    [InlineData("Stock Journal", "not_accounting")]
    [InlineData("Contra", null)]
    [InlineData(null, null)]
    public void Vouchers_not_affecting_the_books_are_skipped_by_base_type(string? baseType, string? reason) =>
        Assert.Equal(reason, TallyVoucherKinds.SkipReasonOf(baseType));
}
