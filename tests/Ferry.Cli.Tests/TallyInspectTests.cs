using Ferry.Cli.Tests.Infrastructure;
using Ferry.Tests.Fixtures;
using static Ferry.Tests.Fixtures.TallyXmlBuilder;

namespace Ferry.Cli.Tests;

/// <summary>`ferry inspect` on a Tally export: what the books hold, before anything is imported.</summary>
public sealed class TallyInspectTests
{
    [Fact]
    public async Task Inspect_of_a_Tally_day_book_counts_masters_vouchers_by_type_skipped_and_unbalanced()
    {
        await using var workspace = await CliWorkspace.CreateAsync();
        var books = new TallyXmlBuilder().Company("Acme Traders Pvt Ltd - (from 1-Apr-24)")
            .Message(Group("Sundry Debtors", "Current Assets", revenue: false, deemedPositive: true, reserved: "Sundry Debtors"), Ledger("Globex Retail", "Sundry Debtors"), Ledger("Sales", "Sales Accounts"))
            .Message(Ledger("Globex Retail", "Sundry Debtors"), Voucher("Sales", "S-1", "20240402", "Globex Retail",
                [LedgerEntry("Globex Retail", -1180m, deemedPositive: true), LedgerEntry("Sales", 1180m, deemedPositive: false)]))
            .Message(Voucher("Sales", "S-2", "20240403", "Globex Retail",
                [LedgerEntry("Globex Retail", -500m, deemedPositive: true), LedgerEntry("Sales", 450m, deemedPositive: false)]))
            .Message(Voucher("Sales", "S-3", "20240404", "Globex Retail",
                [LedgerEntry("Globex Retail", -100m, deemedPositive: true), LedgerEntry("Sales", 100m, deemedPositive: false)], cancelled: true));
        var file = books.Save(workspace.Folder);

        var result = await workspace.RunAsync("inspect", file, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        Assert.Equal(("tally-xml", "utf-16le", "Acme Traders Pvt Ltd"),
            (json.GetProperty("format").GetString(), json.GetProperty("encoding").GetString(), json.GetProperty("company").GetString()));
        var entities = json.GetProperty("entities");
        Assert.Equal((1, 2, 3), (entities.GetProperty("groups").GetInt32(), entities.GetProperty("ledgers").GetInt32(), entities.GetProperty("vouchers").GetInt32()));
        Assert.Equal(3, json.GetProperty("vouchers_by_type").GetProperty("Sales").GetInt32());
        Assert.Equal(1, json.GetProperty("skipped_vouchers").GetProperty("cancelled").GetInt32());
        Assert.Equal(1, json.GetProperty("unbalanced_vouchers").GetInt32());
        var unbalanced = Assert.Single(json.GetProperty("first_unbalanced").EnumerateArray());
        Assert.Equal(("S-2", -50m), (unbalanced.GetProperty("number").GetString(), unbalanced.GetProperty("difference").GetDecimal()));
    }
}
