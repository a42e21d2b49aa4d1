using Ferry.Sources.Tally;
using Ferry.Testing;
using Ferry.Tests.Fixtures;
using static Ferry.Tests.Fixtures.TallyXmlBuilder;

namespace Ferry.Sources.Tests.Tally;

[UseCulture("de-DE")]
public sealed class TallyInspectorTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_summary_counts_distinct_masters_and_every_voucher()
    {
        var summary = TallyInspector.Inspect(TallyBooks.Builder().Save(_folder.Path));

        Assert.Equal(("tally-xml", "utf-16le", "Acme Traders Pvt Ltd"), (summary.Format, summary.Encoding, summary.Company));
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["groups"] = 4, ["ledgers"] = 7, ["stock_groups"] = 1, ["stock_categories"] = 1, ["stock_items"] = 1,
                ["units"] = 2, ["godowns"] = 2, ["voucher_types"] = 5, ["vouchers"] = 7,
            },
            summary.Entities);
        Assert.Equal(
            new Dictionary<string, int> { ["GST Sales"] = 1, ["Receipt"] = 2, ["Journal"] = 3, ["Sales Order"] = 1 },
            summary.VouchersByType);
    }

    [Fact]
    public void Skipped_vouchers_are_counted_by_reason()
    {
        var summary = TallyInspector.Inspect(TallyBooks.Builder().Save(_folder.Path));

        Assert.Equal(new Dictionary<string, int> { ["cancelled"] = 1, ["optional"] = 1, ["order"] = 1 }, summary.SkippedVouchers);
    }

    [Fact]
    public void An_unbalanced_voucher_is_reported_with_its_difference()
    {
        var summary = TallyInspector.Inspect(TallyBooks.Builder().Save(_folder.Path));

        Assert.Equal(1, summary.UnbalancedVouchers);
        Assert.Equal(new TallyUnbalancedVoucher("J-3", "Journal", new DateOnly(2024, 4, 10), -0.50m), Assert.Single(summary.FirstUnbalanced));
        Assert.Empty(summary.UnresolvedVoucherTypes);
    }

    [Fact]
    public void A_voucher_type_defined_after_its_vouchers_still_decides_their_skip()
    {
        var path = new TallyXmlBuilder()
            .Message(Voucher("Quote", "Q-1", "20240401", "Globex Retail", lines: [LedgerEntry("Globex Retail", -10m, deemedPositive: true)]))
            .Message(Voucher("Deleted", "D-1", "20240401", "Cash", deleted: true, lines: []))
            .Message(Voucher("Price Check", "M-1", "20240401", "Cash", lines: [LedgerEntry("Cash", -1m, deemedPositive: true)]))
            .Message(VoucherType("Quote", "Sales Order"), BuiltInVoucherType("Sales Order"), VoucherType("Price Check", "Memorandum"))
            .Save(_folder.Path, TallyFileEncoding.Utf8);

        var summary = TallyInspector.Inspect(path);

        Assert.Equal(new Dictionary<string, int> { ["order"] = 1, ["deleted"] = 1, ["memorandum"] = 1 }, summary.SkippedVouchers);
        Assert.Equal(0, summary.UnbalancedVouchers);
    }

    [Fact]
    public void Vouchers_of_a_type_nothing_resolves_are_still_balance_checked_and_the_type_listed()
    {
        var path = new TallyXmlBuilder()
            .Message(Voucher("Shop Bill", "7", "20240401", "Cash", lines: [LedgerEntry("Cash", -10m, deemedPositive: true)]))
            .Save(_folder.Path);

        var summary = TallyInspector.Inspect(path);

        Assert.Equal(["Shop Bill"], summary.UnresolvedVoucherTypes);
        Assert.Equal(new TallyUnbalancedVoucher("7", "Shop Bill", new DateOnly(2024, 4, 1), -10m), Assert.Single(summary.FirstUnbalanced));
    }

    [Fact]
    public void Only_the_first_twenty_unbalanced_vouchers_are_listed_but_all_are_counted()
    {
        var builder = new TallyXmlBuilder();
        for (var i = 1; i <= 25; i++)
        {
            builder.Message(Voucher("Payment", $"{i}", "20240401", "Cash", lines: [LedgerEntry("Cash", i, deemedPositive: false)]));
        }

        var summary = TallyInspector.Inspect(builder.Save(_folder.Path));

        Assert.Equal(25, summary.UnbalancedVouchers);
        Assert.Equal([.. Enumerable.Range(1, 20).Select(i => $"{i}")], summary.FirstUnbalanced.Select(u => u.Number));
    }

    [Fact]
    public void Unknown_object_types_are_counted_not_failed()
    {
        var path = new TallyXmlBuilder()
            .Message("<COSTCENTRE NAME=\"Branch North\"><PARENT/></COSTCENTRE>", "<CURRENCY NAME=\"$\"/>", "<CURRENCY NAME=\"€\"/>")
            .Save(_folder.Path);

        Assert.Equal(new Dictionary<string, int> { ["COSTCENTRE"] = 1, ["CURRENCY"] = 2 }, TallyInspector.Inspect(path).OtherObjects);
    }
}
