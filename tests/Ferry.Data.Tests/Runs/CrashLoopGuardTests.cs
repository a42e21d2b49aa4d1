using Ferry.Core.Jobs;
using Ferry.Data.Runs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Data.Tests.Runs;

/// <summary>The crash-loop guard gives up on a job whose runs keep dying without progress, never on one that advances.</summary>
public sealed class CrashLoopGuardTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A worker claims the job and dies like a killed process would: its lease is left to expire.</summary>
    static async Task<JobLease?> ClaimAndDieAsync(TestDatabase database, int restart)
    {
        var later = new ManualClock(DateTimeOffset.UtcNow.AddHours(restart));
        return await database.Queue(later).ClaimAsync($"process-{restart}", soleWorker: false, Ct);
    }

    static async Task AdvanceCheckpointAsync(TestDatabase database, Guid jobId, long rows)
    {
        await using var db = database.System();
        await db.Jobs.IgnoreQueryFilters().Where(j => j.Id == jobId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Checkpoint, j => j.Checkpoint + rows), Ct);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Restarts_that_each_advanced_the_checkpoint_never_fail_the_job(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var jobId = await database.PrepareContactsJobAsync(database.Demo.Id, ContactsCsv.Build(10));
        await database.WorkflowAsync(database.Demo.Id, w => w.ExecuteAsync(jobId, Ct));

        for (var restart = 1; restart <= 6; restart++)
        {
            Assert.NotNull(await ClaimAndDieAsync(database, restart));
            await AdvanceCheckpointAsync(database, jobId, 1);
        }

        var job = await database.JobAsync(jobId);
        Assert.Equal(JobStatus.Running, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.Null(job.LastError);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Restarts_that_made_no_progress_fail_the_job_after_its_attempts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var jobId = await database.PrepareContactsJobAsync(database.Demo.Id, ContactsCsv.Build(10));
        await database.WorkflowAsync(database.Demo.Id, w => w.ExecuteAsync(jobId, Ct));

        for (var restart = 1; restart <= 3; restart++)
        {
            Assert.NotNull(await ClaimAndDieAsync(database, restart));
        }
        Assert.Null(await ClaimAndDieAsync(database, 4));

        var job = await database.JobAsync(jobId);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("made no progress", job.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Progress_then_three_dead_attempts_still_fails_the_job(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var jobId = await database.PrepareContactsJobAsync(database.Demo.Id, ContactsCsv.Build(10));
        await database.WorkflowAsync(database.Demo.Id, w => w.ExecuteAsync(jobId, Ct));
        Assert.NotNull(await ClaimAndDieAsync(database, 1));
        await AdvanceCheckpointAsync(database, jobId, 5);

        for (var restart = 2; restart <= 4; restart++)
        {
            Assert.NotNull(await ClaimAndDieAsync(database, restart));
        }
        Assert.Null(await ClaimAndDieAsync(database, 5));

        Assert.Equal(JobStatus.Failed, (await database.JobAsync(jobId)).Status);
    }
}
