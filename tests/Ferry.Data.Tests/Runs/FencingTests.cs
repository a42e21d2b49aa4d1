using Ferry.Core.Jobs;
using Ferry.Data.Runs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Tests.Fixtures;

namespace Ferry.Data.Tests.Runs;

/// <summary>A worker whose lease was taken over (its epoch is stale) must not commit a single batch.</summary>
public sealed class FencingTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A queue whose clock is past any lease taken now: to it, every current lease has expired.</summary>
    static JobQueue QueueAfterLeaseExpiry(TestDatabase database) =>
        database.Queue(new ManualClock(DateTimeOffset.UtcNow + database.Worker.LeaseDuration + TimeSpan.FromMinutes(5)));

    static async Task AssertExactlyOneContactPerRowAsync(TestDatabase database, Guid jobId, int rows)
    {
        var contacts = await database.ContactsAsync(database.Demo.Id);
        Assert.Equal(rows, contacts.Count);
        Assert.Equal(rows, contacts.Select(c => c.NaturalKey).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Enumerable.Range(1, rows).Select(ContactsCsv.Name), contacts.Select(c => c.DisplayName).Order(StringComparer.Ordinal));
        Assert.All(contacts, c => Assert.Equal(jobId, c.CreatedJobId));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_stale_lease_commits_nothing_once_another_worker_has_taken_the_job_over(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var jobId = await database.PrepareContactsJobAsync(database.Demo.Id, ContactsCsv.Build(300), batchSize: 50);
        await database.WorkflowAsync(database.Demo.Id, w => w.ExecuteAsync(jobId, Ct));
        var queue = database.Queue();

        var stale = await queue.ClaimAsync("worker-1", soleWorker: false, Ct);
        Assert.NotNull(stale);
        Assert.Equal((jobId, 1L, JobStatus.Running), (stale.JobId, stale.Epoch, stale.Status));
        Assert.Null(await queue.ClaimAsync("worker-2", soleWorker: false, Ct));
        var later = QueueAfterLeaseExpiry(database);
        var current = await later.ClaimAsync("worker-2", soleWorker: false, Ct);
        Assert.NotNull(current);
        Assert.Equal((jobId, 2L), (current.JobId, current.Epoch));

        await database.ImportRun(queue).RunAsync(stale, Ct);

        var job = await database.JobAsync(jobId);
        Assert.Equal((0L, 0L, 0L), (job.Checkpoint, job.RecordsProcessed, job.RecordsInserted));
        Assert.Equal((JobStatus.Running, 2L, "worker-2"), (job.Status, job.Epoch, job.LeaseOwner));
        Assert.Empty(await database.ContactsAsync(database.Demo.Id));
        Assert.DoesNotContain(await database.LogsAsync(jobId), l => l.Operation == "batch");

        await database.ImportRun(later).RunAsync(current, Ct);

        job = await database.JobAsync(jobId);
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal((300L, 300L, 300L), (job.Checkpoint, job.RecordsProcessed, job.RecordsInserted));
        await AssertExactlyOneContactPerRowAsync(database, jobId, 300);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_worker_that_loses_its_lease_mid_run_stops_at_its_next_batch_and_the_new_owner_finishes_without_duplicates(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var jobId = await database.PrepareContactsJobAsync(database.Demo.Id, ContactsCsv.Build(300), batchSize: 50);
        await database.WorkflowAsync(database.Demo.Id, w => w.ExecuteAsync(jobId, Ct));
        var queue = database.Queue();
        var later = QueueAfterLeaseExpiry(database);
        JobLease? takeover = null;
        // While the first worker reads its second batch, a second worker takes the job over (as after a long GC pause).
        var opener = new InterruptingSourceOpener(60, () => takeover = Blocking.Run(() => later.ClaimAsync("worker-2", soleWorker: false, CancellationToken.None)));

        var stale = await queue.ClaimAsync("worker-1", soleWorker: false, Ct);
        Assert.NotNull(stale);
        await database.ImportRun(queue, opener).RunAsync(stale, Ct);

        Assert.NotNull(takeover);
        Assert.Equal(2L, takeover.Epoch);
        var job = await database.JobAsync(jobId);
        Assert.Equal((50L, 50L, 50L), (job.Checkpoint, job.RecordsProcessed, job.RecordsInserted));
        Assert.Equal((JobStatus.Running, "worker-2"), (job.Status, job.LeaseOwner));
        await AssertExactlyOneContactPerRowAsync(database, jobId, 50);
        Assert.Single(await database.LogsAsync(jobId), l => l.Operation == "batch");

        await database.ImportRun(later).RunAsync(takeover, Ct);

        job = await database.JobAsync(jobId);
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal((300L, 300L, 300L), (job.Checkpoint, job.RecordsProcessed, job.RecordsInserted));
        await AssertExactlyOneContactPerRowAsync(database, jobId, 300);
        Assert.Equal(6, (await database.LogsAsync(jobId)).Count(l => l.Operation == "batch"));
        Assert.Contains(await database.LogsAsync(jobId), l => l.Message.StartsWith("Migration resumed after row 50", StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_stale_lease_adds_no_line_to_the_job_log(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var jobId = await database.PrepareContactsJobAsync(database.Demo.Id, ContactsCsv.Build(100), batchSize: 50);
        await database.WorkflowAsync(database.Demo.Id, w => w.ExecuteAsync(jobId, Ct));
        var queue = database.Queue();
        var stale = await queue.ClaimAsync("worker-1", soleWorker: false, Ct);
        Assert.NotNull(stale);
        Assert.NotNull(await QueueAfterLeaseExpiry(database).ClaimAsync("worker-2", soleWorker: false, Ct));

        await database.ImportRun(queue).RunAsync(stale, Ct);

        // The job log is what users read; a worker that no longer owns the job must not tell them it started it.
        Assert.Empty((await database.LogsAsync(jobId)).Select(l => l.Message));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_stale_rollback_lease_deletes_nothing_and_the_new_owner_rolls_everything_back(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        database.Worker.RollbackBatchSize = 40;
        var job = await database.ImportAsync(database.Demo.Id, ContactsCsv.Build(100));
        Assert.Equal(JobStatus.Completed, job.Status);
        await database.WorkflowAsync(database.Demo.Id, w => w.RollbackAsync(job.Id, Ct));
        var queue = database.Queue();
        var stale = await queue.ClaimAsync("worker-1", soleWorker: false, Ct);
        Assert.NotNull(stale);
        Assert.Equal(JobStatus.RollingBack, stale.Status);
        var later = QueueAfterLeaseExpiry(database);
        var current = await later.ClaimAsync("worker-2", soleWorker: false, Ct);
        Assert.NotNull(current);

        await new RollbackRun(database.Options, queue, database.Worker).RunAsync(stale, Ct);

        Assert.Equal(100, (await database.ContactsAsync(database.Demo.Id)).Count);
        var during = await database.JobAsync(job.Id);
        Assert.Equal((JobStatus.RollingBack, "worker-2"), (during.Status, during.LeaseOwner));
        Assert.Null(during.RollbackSummary);

        await new RollbackRun(database.Options, later, database.Worker).RunAsync(current, Ct);

        Assert.Empty(await database.ContactsAsync(database.Demo.Id));
        var rolledBack = await database.JobAsync(job.Id);
        Assert.Equal(JobStatus.RolledBack, rolledBack.Status);
        Assert.Contains("\"deleted\":100", rolledBack.RollbackSummary, StringComparison.Ordinal);
    }
}
