using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Data.Workflow;
using Ferry.Erp.Books;
using Ferry.Erp.Model;
using Ferry.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using static Ferry.Tests.Fixtures.TallyXmlBuilder;

namespace Ferry.Data.Tests.Books;

/// <summary>
/// A day book exported without its masters names ledgers and items the ERP does not have: Cash (in two vouchers),
/// Capital, Rent, Walk-in Customer, Sales and the item Widget. Without placeholders those vouchers fail and say what
/// is missing; with them the names become placeholders under Suspense A/c and the vouchers import.
/// </summary>
public sealed class MissingMastersTests
{
    static readonly string[] Tenant = [FerryDbContext.TenantFilter];

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static TallyXmlBuilder DayBook() => new TallyXmlBuilder().Message(
        Voucher("Journal", "J-1", "20240404", "Cash", lines:
        [
            LedgerEntry("Cash", -500m, deemedPositive: true),
            LedgerEntry("Capital", 500m, deemedPositive: false),
        ]),
        Voucher("Payment", "P-1", "20240405", "Rent", lines:
        [
            LedgerEntry("Rent", -300m, deemedPositive: true),
            LedgerEntry("Cash", 300m, deemedPositive: false),
        ]),
        Voucher("Sales", "S-1", "20240406", "Walk-in Customer", invoice: true, lines:
        [
            InventoryEntry("Widget", 2m, "Nos", 100m, "Main Location", "Primary Batch", "Sales"),
            LedgerEntry("Walk-in Customer", -200m, deemedPositive: true, tag: "LEDGERENTRIES.LIST"),
        ]));

    static readonly Dictionary<string, long> Missing = new()
    {
        ["ledger 'Cash'"] = 2, ["ledger 'Capital'"] = 1, ["ledger 'Rent'"] = 1, ["ledger 'Walk-in Customer'"] = 1, ["ledger 'Sales'"] = 1, ["item 'Widget'"] = 1,
    };

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Vouchers_naming_masters_nobody_imported_fail_with_the_names_and_validation_counts_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;
        var jobId = await database.PrepareBooksAsync(org, DayBook());

        var (job, report) = await database.ValidateAndRunAsync(org, jobId);

        Assert.Equal(Missing, report.MissingMasters);
        Assert.Equal(3, report.RecordsInvalid);
        Assert.Equal(3, report.ByEntity![BookEntities.Vouchers].Failed);
        Assert.Equal(JobStatus.CompletedWithErrors, job.Status);
        var errors = (await database.LogsAsync(jobId)).Where(l => l.Level == JobLogLevel.Error).ToList();
        Assert.All(errors, e => Assert.Equal(ErrorCodes.ValidationFailed, e.ErrorCode));
        Assert.Equal(
            [
                "Journal voucher J-1 of 2024-04-04 failed: it names ledger 'Cash' and ledger 'Capital', which neither this file nor the ERP has.",
                "Payment voucher P-1 of 2024-04-05 failed: it names ledger 'Rent' and ledger 'Cash', which neither this file nor the ERP has.",
                "Sales voucher S-1 of 2024-04-06 failed: it names ledger 'Walk-in Customer' and ledger 'Sales' and item 'Widget', which neither this file nor the ERP has.",
            ],
            errors.Select(e => e.Message[..(e.Message.IndexOf(" has.", StringComparison.Ordinal) + 5)]));
        Assert.All(errors, e => Assert.EndsWith("creating missing masters as placeholders under Suspense A/c", e.Message, StringComparison.Ordinal));
        Assert.Equal(3, BookImports.EntityCounts(job)[BookEntities.Vouchers].Failed);
        Assert.Empty(await database.VouchersAsync(org));
        Assert.Empty(await database.RowsAsync<Ledger>(org));
        Assert.Empty(await database.RowsAsync<Product>(org));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Creating_missing_masters_puts_placeholders_under_a_new_suspense_group_and_imports_the_vouchers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;
        await using (var db = database.System())
        {
            Assert.Equal(1, await db.AccountGroups.IgnoreQueryFilters(Tenant)
                .Where(g => g.OrganizationId == org && g.Name == BookOptions.SuspenseGroup).ExecuteDeleteAsync(Ct));
        }
        var jobId = await database.PrepareBooksAsync(org, DayBook());
        await database.WorkflowAsync(org, w => w.UpdateAsync(jobId, new JobChanges(null, null, null, null, null, CreateMissingMasters: true), Ct));

        var (job, report) = await database.ValidateAndRunAsync(org, jobId);

        Assert.Equal(0, report.RecordsInvalid);
        Assert.Equal(5, report.ByEntity![BookEntities.Ledgers].Placeholders);
        Assert.Equal(JobStatus.Completed, job.Status);
        var counts = BookImports.EntityCounts(job);
        Assert.Equal((1L, 1L), (counts[BookEntities.AccountGroups].Inserted, counts[BookEntities.AccountGroups].Placeholders));
        Assert.Equal((5L, 5L), (counts[BookEntities.Ledgers].Inserted, counts[BookEntities.Ledgers].Placeholders));
        Assert.Equal((1L, 1L), (counts[BookEntities.Products].Inserted, counts[BookEntities.Products].Placeholders));
        Assert.Equal((3L, 0L), (counts[BookEntities.Vouchers].Inserted, counts[BookEntities.Vouchers].Failed));

        var suspense = Assert.Single(await database.RowsAsync<AccountGroup>(org), g => g.Name == BookOptions.SuspenseGroup);
        Assert.Equal((AccountNature.Liabilities, job.Id), (suspense.Nature, suspense.CreatedJobId!.Value));
        var ledgers = (await database.RowsAsync<Ledger>(org)).ToDictionary(l => l.Name);
        Assert.Equal(["Capital", "Cash", "Rent", "Sales", "Walk-in Customer"], ledgers.Keys.Order(StringComparer.Ordinal));
        Assert.All(ledgers.Values, l => Assert.Equal((suspense.Id, BookOptions.SuspenseGroup, 0m, job.Id), (l.GroupId!.Value, l.GroupName, l.OpeningBalance, l.CreatedJobId!.Value)));
        var widget = Assert.Single(await database.RowsAsync<Product>(org));
        Assert.Equal(("Widget", job.Id), (widget.Name, widget.CreatedJobId!.Value));

        var vouchers = await database.VouchersAsync(org);
        Assert.Equal(["J-1", "P-1", "S-1"], vouchers.Keys.Order(StringComparer.Ordinal));
        Assert.All(vouchers.Values.SelectMany(v => v.LedgerLines), l => Assert.Equal(ledgers[l.LedgerName].Id, l.LedgerId));
        Assert.Equal(widget.Id, Assert.Single(vouchers["S-1"].InventoryLines).ProductId);
        Assert.Equal(ledgers["Walk-in Customer"].Id, vouchers["S-1"].PartyLedgerId);
        Assert.Equal(7, (await database.LogsAsync(jobId)).Count(l => l.Operation == "placeholder" && l.Level == JobLogLevel.Warning));
    }
}
