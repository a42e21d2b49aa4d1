using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Tests.Fixtures;

namespace Ferry.Data.Tests.Runs;

/// <summary>A run that stops part-way leaves whole batches behind, and the next worker carries on from there.</summary>
public sealed class ResumeTests
{
    const int Rows = 300;
    const int BatchSize = 50;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<(TestDatabase Database, Guid JobId)> QueuedJobAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var jobId = await database.PrepareContactsJobAsync(database.Demo.Id, ContactsCsv.Build(Rows), batchSize: BatchSize);
        await database.WorkflowAsync(database.Demo.Id, w => w.ExecuteAsync(jobId, Ct));
        return (database, jobId);
    }

    static async Task AssertCompletedExactlyOnceAsync(TestDatabase database, Guid jobId)
    {
        var job = await database.JobAsync(jobId);
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal((Rows, Rows, Rows, 0L), (job.Checkpoint, job.RecordsProcessed, job.RecordsInserted, job.RecordsFailed));
        var contacts = await database.ContactsAsync(database.Demo.Id);
        Assert.Equal(Rows, contacts.Count);
        Assert.Equal(Rows, contacts.Select(c => c.NaturalKey).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Enumerable.Range(1, Rows).Select(ContactsCsv.Name), contacts.Select(c => c.DisplayName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_import_that_crashes_mid_batch_resumes_from_its_checkpoint_without_duplicates(DatabaseProvider provider)
    {
        var (database, jobId) = await QueuedJobAsync(provider);
        await using var _ = database;
        var crashing = new InterruptingSourceOpener(120, () => throw new IOException("the disk went away"));

        using (var worker = database.CreateWorker(opener: crashing))
        {
            Assert.True(await worker.RunOnceAsync(Ct));
        }

        var job = await database.JobAsync(jobId);
        Assert.Equal(JobStatus.Running, job.Status);
        Assert.Equal((100L, 100L), (job.Checkpoint, job.RecordsProcessed));
        Assert.Equal(1, job.Attempts);
        Assert.Contains("the disk went away", job.LastError, StringComparison.Ordinal);
        Assert.Equal(100, (await database.ContactsAsync(database.Demo.Id)).Count);

        // The failed attempt holds the job back for a few seconds; a worker whose clock is past that takes it up.
        using (var worker = database.CreateWorker(database.Queue(new ManualClock(DateTimeOffset.UtcNow.AddMinutes(10)))))
        {
            await worker.RunUntilIdleAsync(Ct);
        }

        await AssertCompletedExactlyOnceAsync(database, jobId);
        // The first attempt moved the checkpoint, so the crash-loop guard counts the resumed one as the first again.
        Assert.Equal(1, (await database.JobAsync(jobId)).Attempts);
        Assert.Contains(await database.LogsAsync(jobId), l => l.Message.StartsWith("Migration resumed after row 100", StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Batches_gathered_into_one_commit_are_lost_together_by_a_crash_and_redone_once(DatabaseProvider provider)
    {
        var (database, jobId) = await QueuedJobAsync(provider);
        await using var _ = database;
        database.Worker.CommitInterval = TimeSpan.FromHours(1);
        var crashing = new InterruptingSourceOpener(120, () => throw new IOException("the disk went away"));

        using (var worker = database.CreateWorker(opener: crashing))
        {
            Assert.True(await worker.RunOnceAsync(Ct));
        }

        // Batches 1 and 2 were written but their transaction was still gathering batches when the crash came.
        var job = await database.JobAsync(jobId);
        Assert.Equal(JobStatus.Running, job.Status);
        Assert.Equal((0L, 0L), (job.Checkpoint, job.RecordsProcessed));
        Assert.Empty(await database.ContactsAsync(database.Demo.Id));
        Assert.DoesNotContain(await database.LogsAsync(jobId), l => l.Operation == "batch");

        using (var worker = database.CreateWorker(database.Queue(new ManualClock(DateTimeOffset.UtcNow.AddMinutes(10)))))
        {
            await worker.RunUntilIdleAsync(Ct);
        }

        await AssertCompletedExactlyOnceAsync(database, jobId);
        Assert.Equal(Rows / BatchSize, (await database.LogsAsync(jobId)).Count(l => l.Operation == "batch"));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_import_stopped_by_shutdown_gives_its_lease_back_and_the_next_worker_finishes_it(DatabaseProvider provider)
    {
        var (database, jobId) = await QueuedJobAsync(provider);
        await using var _ = database;
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var opener = new InterruptingSourceOpener(120, shutdown.Cancel);

        using (var worker = database.CreateWorker(opener: opener))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => worker.RunOnceAsync(shutdown.Token));
        }

        var job = await database.JobAsync(jobId);
        Assert.Equal(JobStatus.Running, job.Status);
        Assert.Null(job.LeaseOwner);
        Assert.Null(job.LeaseExpiresAt);
        Assert.Equal(0, job.Attempts);
        // The cancel arrives while batch 3 (rows 101–150) is being read; that batch commits whole or not at all.
        Assert.Contains(job.Checkpoint, new[] { 100L, 150L });
        Assert.Equal(job.Checkpoint, job.RecordsProcessed);
        Assert.Equal(job.Checkpoint, (await database.ContactsAsync(database.Demo.Id)).Count);

        await database.RunWorkerUntilIdleAsync();

        await AssertCompletedExactlyOnceAsync(database, jobId);
        Assert.Equal(1, (await database.JobAsync(jobId)).Attempts);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_import_that_crashes_on_every_attempt_fails_after_three_and_executing_it_again_resumes_it(DatabaseProvider provider)
    {
        var (database, jobId) = await QueuedJobAsync(provider);
        await using var _ = database;
        var start = DateTimeOffset.UtcNow;

        // Each attempt gets past the retry pause of the one before and crashes at the same row. The first one moved the
        // checkpoint to row 100, so only the three after it, which got nowhere, count towards giving up.
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var crashing = new InterruptingSourceOpener(120, () => throw new IOException("out of memory, again"));
            using var worker = database.CreateWorker(database.Queue(new ManualClock(start.AddMinutes(10 * attempt))), crashing);
            Assert.True(await worker.RunOnceAsync(Ct));
        }

        var failed = await database.JobAsync(jobId);
        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        Assert.Contains("out of memory, again", failed.LastError, StringComparison.Ordinal);
        Assert.Equal((100L, 100L), (failed.Checkpoint, failed.RecordsProcessed));
        Assert.Equal(100, (await database.ContactsAsync(database.Demo.Id)).Count);
        Assert.Single(await database.LogsAsync(jobId), l => l.Level == JobLogLevel.Critical);
        using (var worker = database.CreateWorker(database.Queue(new ManualClock(start.AddHours(1)))))
        {
            Assert.False(await worker.RunOnceAsync(Ct));
        }

        await database.WorkflowAsync(database.Demo.Id, w => w.ExecuteAsync(jobId, Ct));
        await database.RunWorkerUntilIdleAsync();

        await AssertCompletedExactlyOnceAsync(database, jobId);
    }
}
