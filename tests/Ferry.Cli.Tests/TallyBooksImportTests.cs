using System.Text.Json;
using Ferry.Cli.Tests.Infrastructure;
using Ferry.Core.Jobs;
using Ferry.Data;
using Ferry.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using static Ferry.Tests.Fixtures.TallyXmlBuilder;

namespace Ferry.Cli.Tests;

/// <summary>`ferry import --source tally` on whole books and on a day book alone, as a user runs it.</summary>
public sealed class TallyBooksImportTests
{
    const int CompletedWithErrors = 3;

    static readonly string[] Tenant = [FerryDbContext.TenantFilter];
    static readonly string[] DayBookLedgers = ["Capital", "Cash", "Globex Retail", "Output IGST", "Sales"];

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string[] Vouchers() =>
    [
        Voucher("Sales", "S-1", "20240402", "Globex Retail", invoice: true, lines:
        [
            InventoryEntry("Choco Bar 50g", 40m, "Nos", 25m, "Main Location", "Primary Batch", "Sales"),
            LedgerEntry("Globex Retail", -1180m, deemedPositive: true, tag: "LEDGERENTRIES.LIST"),
            LedgerEntry("Output IGST", 180m, deemedPositive: false, tag: "LEDGERENTRIES.LIST"),
        ]),
        Voucher("Receipt", "R-1", "20240405", "Globex Retail", lines:
        [
            LedgerEntry("Globex Retail", 1180m, deemedPositive: false),
            LedgerEntry("Cash", -1180m, deemedPositive: true),
        ]),
        Voucher("Journal", "J-1", "20240406", "Capital", lines:
        [
            LedgerEntry("Cash", -10m, deemedPositive: true),
            LedgerEntry("Capital", 10m, deemedPositive: false),
        ]),
    ];

    /// <summary>Masters whose ledger openings tie, 3,000 of opening stock for the adjustment ledger, and the three vouchers.</summary>
    static string Books(CliWorkspace workspace) => new TallyXmlBuilder().Company("Acme Traders - (from 1-Apr-24)")
        .Message(Group("Sundry Debtors", "Current Assets", revenue: false, deemedPositive: true, reserved: "Sundry Debtors"))
        .Message(
            Ledger("Cash", "Cash-in-Hand", opening: -30000m),
            FlatPartyLedger("Globex Retail", "Sundry Debtors",
                new TallyPartyFixture("Globex Retail", ["12 FC Road", "Pune"], "Maharashtra", "411001", "India", "27AAPFU0939F1ZV", "Regular", "AAPFU0939F", "", "9800000000", "ap@globex.example"),
                opening: -5000m),
            Ledger("Sales", "Sales Accounts"),
            Ledger("Output IGST", "Duties & Taxes"),
            Ledger("Capital", "Capital Account", opening: 35000m))
        .Message(
            Unit("Nos", "Numbers"),
            StockItem("Choco Bar 50g", null, "Nos", "18063100", 18m, 120m, 25m, OpeningBatch("Main Location", "Primary Batch", 120m, "Nos", 25m)))
        .Message(BuiltInVoucherType("Sales"), BuiltInVoucherType("Receipt"), BuiltInVoucherType("Journal"))
        .Message(Vouchers())
        .Save(workspace.Folder, name: "books.xml");

    /// <summary>What Tally writes when only the day book is exported: vouchers, none of the masters they name.</summary>
    static string DayBook(CliWorkspace workspace)
    {
        var dayBook = new TallyXmlBuilder().Company("Acme Traders");
        foreach (var voucher in Vouchers())
        {
            dayBook.Message(voucher);
        }
        return dayBook.Save(workspace.Folder, name: "daybook.xml");
    }

    [Fact]
    public async Task Whole_books_import_with_counts_per_entity_reconcile_and_a_second_run_inserts_nothing()
    {
        await using var workspace = await CliWorkspace.CreateAsync();
        var file = Books(workspace);
        string[] args = ["import", file, "--source", "tally", "--adjustment-ledger", "Opening Stock Difference", .. workspace.DatabaseArgs, "--json"];

        var first = await workspace.RunAsync(args);
        var again = await workspace.RunAsync(args);

        Assert.True(first.ExitCode == 0, first.ToString());
        var byEntity = first.Json().GetProperty("by_entity");
        Assert.Equal((6, 1, 1, 1, 1, 3), (Inserted(byEntity, "ledgers"), Inserted(byEntity, "contacts"), Inserted(byEntity, "units"),
            Inserted(byEntity, "products"), Inserted(byEntity, "opening_stock"), Inserted(byEntity, "vouchers")));
        var reconciliation = first.Json().GetProperty("reconciliation");
        Assert.True(reconciliation.GetProperty("matches").GetBoolean(), reconciliation.ToString());
        var sales = reconciliation.GetProperty("vouchers_by_type").GetProperty("Sales");
        Assert.Equal((1L, 1180m, 1180m), Totals(sales.GetProperty("source")));
        Assert.Equal(Totals(sales.GetProperty("source")), Totals(sales.GetProperty("erp")));
        Assert.Equal((1L, 1180m, 1180m), Totals(reconciliation.GetProperty("vouchers_by_type").GetProperty("Receipt").GetProperty("erp")));
        Assert.Equal((1L, 10m, 10m), Totals(reconciliation.GetProperty("vouchers_by_type").GetProperty("Journal").GetProperty("erp")));

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(0, again.Json().GetProperty("records_inserted").GetInt64());
        foreach (var entity in again.Json().GetProperty("by_entity").EnumerateObject())
        {
            var before = byEntity.GetProperty(entity.Name);
            Assert.True(Count(entity.Value, "inserted") + Count(entity.Value, "updated") + Count(entity.Value, "failed") == 0, $"{entity.Name}: {entity.Value}");
            Assert.Equal(Count(before, "inserted") + Count(before, "unchanged") + Count(before, "kept"), Count(entity.Value, "unchanged") + Count(entity.Value, "kept"));
        }
        Assert.True(again.Json().GetProperty("reconciliation").GetProperty("matches").GetBoolean());
        await using var db = workspace.OpenContext();
        Assert.Equal(3, await db.Vouchers.IgnoreQueryFilters(Tenant).CountAsync(Ct));
        var adjustment = await db.Ledgers.IgnoreQueryFilters(Tenant).SingleAsync(l => l.Name == "Opening Stock Difference", Ct);
        Assert.Equal((3000m, "Cr"), (adjustment.OpeningBalance, adjustment.OpeningBalanceSide));
    }

    [Fact]
    public async Task A_day_book_alone_fails_its_vouchers_naming_the_missing_ledgers_until_they_are_created_as_placeholders()
    {
        await using var workspace = await CliWorkspace.CreateAsync();
        var file = DayBook(workspace);

        var alone = await workspace.RunAsync(["import", file, "--source", "tally", .. workspace.DatabaseArgs, "--json"]);

        Assert.True(alone.ExitCode == CompletedWithErrors, alone.ToString());
        Assert.Equal("completed_with_errors", alone.Json().GetProperty("status").GetString());
        Assert.Equal(3, Count(alone.Json().GetProperty("by_entity").GetProperty("vouchers"), "failed"));
        var jobId = alone.Json().GetProperty("job_id").GetGuid();
        await using (var db = workspace.OpenContext())
        {
            var errors = await db.JobLogs.IgnoreQueryFilters(Tenant).Where(l => l.JobId == jobId && l.Level == JobLogLevel.Error).Select(l => l.Message).ToListAsync(Ct);
            Assert.Equal(3, errors.Count);
            Assert.All(DayBookLedgers, name => Assert.Contains(errors, e => e.Contains($"ledger '{name}'", StringComparison.Ordinal)));
            Assert.Contains(errors, e => e.Contains("item 'Choco Bar 50g'", StringComparison.Ordinal));
            Assert.Equal(0, await db.Vouchers.IgnoreQueryFilters(Tenant).CountAsync(Ct));
        }

        var placeholders = await workspace.RunAsync(["import", file, "--source", "tally", "--create-missing-masters", .. workspace.DatabaseArgs, "--json"]);

        Assert.True(placeholders.ExitCode == 0, placeholders.ToString());
        var byEntity = placeholders.Json().GetProperty("by_entity");
        Assert.Equal((5, 5), (Count(byEntity.GetProperty("ledgers"), "placeholders"), Count(byEntity.GetProperty("ledgers"), "inserted")));
        Assert.Equal((1, 3), (Count(byEntity.GetProperty("products"), "placeholders"), Inserted(byEntity, "vouchers")));
        await using var after = workspace.OpenContext();
        var ledgers = await after.Ledgers.IgnoreQueryFilters(Tenant).OrderBy(l => l.Name).ToListAsync(Ct);
        Assert.Equal(DayBookLedgers, ledgers.Select(l => l.Name));
        Assert.All(ledgers, l => Assert.Equal("Suspense A/c", l.GroupName));
    }

    [Fact]
    public async Task Source_tally_on_a_CSV_file_is_refused_with_MIG001()
    {
        await using var workspace = await CliWorkspace.CreateAsync();
        var file = workspace.WriteFile("ledgers.csv", "Ledger Name,Group\r\nCash,Cash-in-Hand\r\n"u8.ToArray());

        var result = await workspace.RunAsync(["import", file, "--source", "tally", .. workspace.DatabaseArgs, "--json"]);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("MIG001", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("not a Tally XML export", result.Stderr, StringComparison.Ordinal);
        Assert.True(string.IsNullOrWhiteSpace(result.Stdout), result.ToString());
    }

    [Fact]
    public async Task A_dry_run_prints_what_each_entity_would_come_to_and_writes_nothing()
    {
        await using var workspace = await CliWorkspace.CreateAsync();
        var file = Books(workspace);

        var result = await workspace.RunAsync(["import", file, "--source", "tally", "--dry-run", .. workspace.DatabaseArgs, "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("validated", result.Json().GetProperty("status").GetString());
        var byEntity = result.Json().GetProperty("by_entity");
        Assert.Equal((6, 1, 1, 3), (Inserted(byEntity, "ledgers"), Inserted(byEntity, "contacts"), Inserted(byEntity, "products"), Inserted(byEntity, "vouchers")));
        Assert.Equal(JsonValueKind.Null, result.Json().GetProperty("reconciliation").ValueKind);
        await using var db = workspace.OpenContext();
        Assert.Equal((0, 0, 0, 0, 0), (await db.Ledgers.IgnoreQueryFilters(Tenant).CountAsync(Ct), await db.Contacts.IgnoreQueryFilters(Tenant).CountAsync(Ct),
            await db.Products.IgnoreQueryFilters(Tenant).CountAsync(Ct), await db.StockMovements.IgnoreQueryFilters(Tenant).CountAsync(Ct),
            await db.Vouchers.IgnoreQueryFilters(Tenant).CountAsync(Ct)));
    }

    [Fact]
    public async Task Inspect_of_a_day_book_without_masters_counts_its_vouchers()
    {
        await using var workspace = await CliWorkspace.CreateAsync();
        var file = DayBook(workspace);

        var result = await workspace.RunAsync("inspect", file, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        Assert.Equal(("tally-xml", "Acme Traders"), (json.GetProperty("format").GetString(), json.GetProperty("company").GetString()));
        Assert.Equal((0, 3), (json.GetProperty("entities").GetProperty("ledgers").GetInt32(), json.GetProperty("entities").GetProperty("vouchers").GetInt32()));
        var byType = json.GetProperty("vouchers_by_type");
        Assert.Equal((1, 1, 1), (byType.GetProperty("Sales").GetInt32(), byType.GetProperty("Receipt").GetInt32(), byType.GetProperty("Journal").GetInt32()));
        Assert.Equal(0, json.GetProperty("unbalanced_vouchers").GetInt32());
    }

    static int Count(JsonElement count, string outcome) => count.GetProperty(outcome).GetInt32();

    static int Inserted(JsonElement byEntity, string entity) => Count(byEntity.GetProperty(entity), "inserted");

    static (long Count, decimal Debit, decimal Credit) Totals(JsonElement total) =>
        (total.GetProperty("count").GetInt64(), total.GetProperty("debit").GetDecimal(), total.GetProperty("credit").GetDecimal());
}
