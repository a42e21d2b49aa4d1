using System.Text.Json;
using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Data.Workflow;
using Ferry.Erp.Books;
using Ferry.Erp.Model;

namespace Ferry.Data.Tests.Books;

/// <summary>
/// Opening balances that do not tie in Tally still give the ERP a trial balance that ties: the difference goes to an
/// adjustment ledger under Suspense A/c, on the side that closes it, and the reconciliation shows both differences.
/// </summary>
public sealed class OpeningAdjustmentTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_debit_surplus_is_credited_to_the_default_adjustment_ledger_under_suspense(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;

        var job = await database.ImportBooksAsync(org, SampleBook.Masters(capital: SampleBook.TiedCapital - 4000m));

        Assert.Equal(JobStatus.Completed, job.Status);
        var suspense = Assert.Single(await database.RowsAsync<AccountGroup>(org), g => g.Name == BookOptions.SuspenseGroup);
        var adjustment = Assert.Single(await database.RowsAsync<Ledger>(org), l => l.Name == "Difference in Opening Balances");
        Assert.Equal((4000m, "Cr", suspense.Id, job.Id), (adjustment.OpeningBalance, adjustment.OpeningBalanceSide, adjustment.GroupId!.Value, adjustment.CreatedJobId!.Value));
        Assert.Contains(await database.LogsAsync(job.Id), l => l.Level == JobLogLevel.Warning
            && l.Message.Contains("leave 4,000.00 Dr over; posted to 'Difference in Opening Balances'", StringComparison.Ordinal));

        using var reconciliation = BookImports.Reconciliation(job);
        var trialBalance = reconciliation.RootElement.GetProperty("opening_trial_balance");
        Assert.Equal((55000m, 57000m, 6000m, 4000m), Side(trialBalance.GetProperty("source")));
        Assert.Equal((55000m, 61000m, 6000m, 0m), Side(trialBalance.GetProperty("erp")));
        var posted = trialBalance.GetProperty("adjustment");
        Assert.Equal(("Difference in Opening Balances", 4000m, "Cr"),
            (posted.GetProperty("ledger").GetString(), posted.GetProperty("amount").GetDecimal(), posted.GetProperty("side").GetString()));
        Assert.True(reconciliation.RootElement.GetProperty("matches").GetBoolean());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_credit_surplus_is_debited_to_the_adjustment_ledger_the_job_names(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;
        var jobId = await database.PrepareBooksAsync(org, SampleBook.Masters(capital: SampleBook.TiedCapital + 2500.75m));
        await database.WorkflowAsync(org, w => w.UpdateAsync(jobId, new JobChanges(null, null, null, null, null, AdjustmentLedger: "Opening Suspense"), Ct));

        var (job, report) = await database.ValidateAndRunAsync(org, jobId);

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(10, report.ByEntity![BookEntities.Ledgers].Inserted);
        var ledgers = await database.RowsAsync<Ledger>(org);
        Assert.DoesNotContain(ledgers, l => l.Name == BookOptions.DefaultAdjustmentLedger);
        var adjustment = Assert.Single(ledgers, l => l.Name == "Opening Suspense");
        var suspense = Assert.Single(await database.RowsAsync<AccountGroup>(org), g => g.Name == BookOptions.SuspenseGroup);
        Assert.Equal((2500.75m, "Dr", suspense.Id), (adjustment.OpeningBalance, adjustment.OpeningBalanceSide, adjustment.GroupId!.Value));

        using var reconciliation = BookImports.Reconciliation(job);
        var trialBalance = reconciliation.RootElement.GetProperty("opening_trial_balance");
        Assert.Equal(-2500.75m, trialBalance.GetProperty("source").GetProperty("difference").GetDecimal());
        Assert.Equal(0m, trialBalance.GetProperty("erp").GetProperty("difference").GetDecimal());
        Assert.Equal(("Opening Suspense", "Dr"), (trialBalance.GetProperty("adjustment").GetProperty("ledger").GetString(), trialBalance.GetProperty("adjustment").GetProperty("side").GetString()));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Openings_that_tie_need_no_adjustment_ledger(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;

        var job = await database.ImportBooksAsync(org, SampleBook.Masters());

        Assert.DoesNotContain(await database.RowsAsync<Ledger>(org), l => l.Name == BookOptions.DefaultAdjustmentLedger);
        using var reconciliation = BookImports.Reconciliation(job);
        var trialBalance = reconciliation.RootElement.GetProperty("opening_trial_balance");
        Assert.Equal(0m, trialBalance.GetProperty("source").GetProperty("difference").GetDecimal());
        Assert.Equal(JsonValueKind.Null, trialBalance.GetProperty("adjustment").ValueKind);
    }

    static (decimal Debit, decimal Credit, decimal Stock, decimal Difference) Side(JsonElement side) => (
        side.GetProperty("debit").GetDecimal(), side.GetProperty("credit").GetDecimal(),
        side.GetProperty("stock_value").GetDecimal(), side.GetProperty("difference").GetDecimal());
}
