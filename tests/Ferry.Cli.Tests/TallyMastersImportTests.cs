using Ferry.Cli.Tests.Infrastructure;
using Ferry.Data;
using Ferry.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using static Ferry.Tests.Fixtures.TallyXmlBuilder;

namespace Ferry.Cli.Tests;

/// <summary>Tally masters import as books; importing the same export again changes nothing and says so per entity.</summary>
public sealed class TallyMastersImportTests
{
    static readonly string[] Tenant = [FerryDbContext.TenantFilter];

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string Masters(CliWorkspace workspace) => new TallyXmlBuilder().Company("Acme Traders")
        .Message(Group("Sundry Debtors", "Current Assets", revenue: false, deemedPositive: true, reserved: "Sundry Debtors"))
        .Message(FlatPartyLedger("Globex Retail", "Sundry Debtors",
            new TallyPartyFixture("Globex Retail", ["12 FC Road", "Pune"], "Maharashtra", "411001", "India", "27AAPFU0939F1ZV", "Regular", "AAPFU0939F", "", "9800000000", "ap@globex.example"),
            opening: -29292.00m))
        .Message(Ledger("Cash", "Cash-in-Hand", opening: -5000m), Ledger("Sales", "Sales Accounts"), Ledger("Capital", "Capital Account", opening: 34292m))
        .Save(workspace.Folder);

    [Fact]
    public async Task Ledgers_and_parties_import_with_their_openings_and_a_second_run_changes_nothing()
    {
        await using var workspace = await CliWorkspace.CreateAsync();
        var file = Masters(workspace);

        var first = await workspace.RunAsync(["import", file, "--source", "tally", "--type", "ledgers,contacts", .. workspace.DatabaseArgs, "--json"]);
        var again = await workspace.RunAsync(["import", file, "--source", "tally", "--type", "ledgers,contacts", .. workspace.DatabaseArgs, "--json"]);

        Assert.True(first.ExitCode == 0, first.ToString());
        var byEntity = first.Json().GetProperty("by_entity");
        Assert.Equal(4, byEntity.GetProperty("ledgers").GetProperty("inserted").GetInt64());
        Assert.Equal(1, byEntity.GetProperty("contacts").GetProperty("inserted").GetInt64());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(0, again.Json().GetProperty("records_inserted").GetInt64());
        var second = again.Json().GetProperty("by_entity");
        Assert.Equal((4L, 1L), (second.GetProperty("ledgers").GetProperty("unchanged").GetInt64(), second.GetProperty("contacts").GetProperty("unchanged").GetInt64()));
        var reconciliation = again.Json().GetProperty("reconciliation");
        Assert.Equal((4L, 4L), (reconciliation.GetProperty("entities").GetProperty("ledgers").GetProperty("source").GetInt64(),
            reconciliation.GetProperty("entities").GetProperty("ledgers").GetProperty("erp").GetInt64()));
        await using var db = workspace.OpenContext();
        var ledgerRows = await db.Ledgers.IgnoreQueryFilters(Tenant).ToDictionaryAsync(l => l.Name, Ct);
        Assert.Equal(4, ledgerRows.Count);
        Assert.Equal((29292.00m, "Dr"), (ledgerRows["Globex Retail"].OpeningBalance, ledgerRows["Globex Retail"].OpeningBalanceSide));
        Assert.Equal((34292m, "Cr"), (ledgerRows["Capital"].OpeningBalance, ledgerRows["Capital"].OpeningBalanceSide));
        var globex = await db.Contacts.IgnoreQueryFilters(Tenant).SingleAsync(Ct);
        Assert.Equal(("Globex Retail", "customer", "27AAPFU0939F1ZV", "Maharashtra", 29292.00m, "Dr"),
            (globex.DisplayName, globex.ContactType, globex.Gstin, globex.Billing.State, globex.OpeningBalance, globex.OpeningBalanceSide));
        Assert.Equal($"{Path.GetFileName(file)}: LEDGER 'Globex Retail'", globex.SourceLocation);
        Assert.Equal(ledgerRows["Globex Retail"].Id, globex.LedgerId);
    }
}
