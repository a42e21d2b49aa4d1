using System.Globalization;
using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Erp.Books;
using Ferry.Tests.Fixtures;
using static Ferry.Tests.Fixtures.TallyXmlBuilder;

namespace Ferry.Data.Tests.Books;

/// <summary>
/// A books import that crashes part-way resumes from its checkpoint: 31 masters and 60 journals in batches of 10,
/// crashing while the batch of entries 71–80 is read.
/// </summary>
public sealed class BooksResumeTests
{
    const int Masters = 31;
    const int Journals = 60;
    const int BatchSize = 10;
    const long CrashAt = 75;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static TallyXmlBuilder BooksWithJournals() => SampleBook.Masters().Message([.. Enumerable.Range(1, Journals).Select(n =>
        Voucher("Journal", $"J-{n}", $"202404{1 + n % 28:00}", "Cash", lines:
        [
            LedgerEntry("Cash", -n, deemedPositive: true),
            LedgerEntry("Capital", n, deemedPositive: false),
        ]))]);

    static async Task<(TestDatabase Database, Guid JobId)> QueuedJobAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var jobId = await database.PrepareBooksAsync(database.Demo.Id, BooksWithJournals(), batchSize: BatchSize);
        await database.WorkflowAsync(database.Demo.Id, w => w.ExecuteAsync(jobId, Ct));
        return (database, jobId);
    }

    static async Task CrashAsync(TestDatabase database)
    {
        using var worker = database.CreateWorker(books: new InterruptingBookOpener(CrashAt, () => throw new IOException("the disk went away")));
        Assert.True(await worker.RunOnceAsync(Ct));
    }

    static async Task ResumeAsync(TestDatabase database)
    {
        using var worker = database.CreateWorker(database.Queue(new ManualClock(DateTimeOffset.UtcNow.AddMinutes(10))));
        await worker.RunUntilIdleAsync(Ct);
    }

    static async Task AssertEveryVoucherWrittenOnceAsync(TestDatabase database, Guid jobId)
    {
        var job = await database.JobAsync(jobId);
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal((Masters + Journals, (long)Masters + Journals), (job.Checkpoint, job.RecordsProcessed));
        var vouchers = await database.VouchersAsync(database.Demo.Id);
        Assert.Equal(Enumerable.Range(1, Journals).Select(n => $"J-{n}").Order(StringComparer.Ordinal), vouchers.Keys.Order(StringComparer.Ordinal));
        Assert.All(vouchers.Values, v => Assert.Equal(
            [("Cash", decimal.Parse(v.Number[2..], CultureInfo.InvariantCulture), 0m), ("Capital", 0m, decimal.Parse(v.Number[2..], CultureInfo.InvariantCulture))],
            v.LedgerLines.Select(l => (l.LedgerName, l.Debit, l.Credit))));
        Assert.Equal(2 * Journals, (await database.RowCountsAsync(database.Demo.Id))["voucher_ledger_lines"]);

        var counts = BookImports.EntityCounts(job);
        Assert.Equal(Journals, counts[BookEntities.Vouchers].Inserted);
        Assert.Equal(job.RecordsProcessed, counts.Values.Sum(c => c.Inserted + c.Updated + c.Unchanged + c.Kept + c.Skipped + c.Failed));
        Assert.Equal(job.RecordsInserted, counts.Values.Sum(c => c.Inserted));
        Assert.Equal(job.RecordsSkipped, counts.Values.Sum(c => c.Unchanged + c.Kept + c.Skipped));
        Assert.Equal((3L, 9L), (counts[BookEntities.Units].Inserted, counts[BookEntities.Ledgers].Inserted));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_books_import_that_crashes_resumes_from_its_checkpoint_and_writes_every_voucher_once(DatabaseProvider provider)
    {
        var (database, jobId) = await QueuedJobAsync(provider);
        await using var _ = database;

        await CrashAsync(database);

        var crashed = await database.JobAsync(jobId);
        Assert.Equal((JobStatus.Running, 70L, 70L, 1), (crashed.Status, crashed.Checkpoint, crashed.RecordsProcessed, crashed.Attempts));
        Assert.Contains("the disk went away", crashed.LastError, StringComparison.Ordinal);
        Assert.Equal(70 - Masters, (await database.VouchersAsync(database.Demo.Id)).Count);
        Assert.Equal(70 - Masters, BookImports.EntityCounts(crashed)[BookEntities.Vouchers].Inserted);

        await ResumeAsync(database);

        await AssertEveryVoucherWrittenOnceAsync(database, jobId);
        Assert.Contains(await database.LogsAsync(jobId), l => l.Message.StartsWith("Migration resumed after entry 70", StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Batches_gathered_into_one_commit_are_lost_together_by_a_crash_and_their_counts_with_them(DatabaseProvider provider)
    {
        var (database, jobId) = await QueuedJobAsync(provider);
        await using var _ = database;
        database.Worker.CommitInterval = TimeSpan.FromHours(1);

        await CrashAsync(database);

        var crashed = await database.JobAsync(jobId);
        Assert.Equal((JobStatus.Running, 0L, 0L), (crashed.Status, crashed.Checkpoint, crashed.RecordsProcessed));
        Assert.Null(crashed.EntityCounts);
        Assert.Empty(await database.VouchersAsync(database.Demo.Id));
        Assert.Equal(0, (await database.RowCountsAsync(database.Demo.Id))["ledgers"]);

        await ResumeAsync(database);

        await AssertEveryVoucherWrittenOnceAsync(database, jobId);
    }
}
