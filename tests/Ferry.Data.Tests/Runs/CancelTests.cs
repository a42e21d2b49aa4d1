using System.Text.Json;
using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Tests.Fixtures;

namespace Ferry.Data.Tests.Runs;

public sealed class CancelTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Cancelling_a_running_import_commits_no_batch_after_the_cancel_and_what_was_committed_can_be_rolled_back(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;
        var jobId = await database.PrepareContactsJobAsync(org, ContactsCsv.Build(300), batchSize: 50);
        await database.WorkflowAsync(org, w => w.ExecuteAsync(jobId, Ct));
        // The user presses cancel while the worker reads the second batch.
        var opener = new InterruptingSourceOpener(60, () => Blocking.Run(() => database.WorkflowAsync(org, w => w.CancelAsync(jobId, CancellationToken.None))));

        using (var worker = database.CreateWorker(opener: opener))
        {
            await worker.RunUntilIdleAsync(Ct);
        }

        var job = await database.JobAsync(jobId);
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.False(job.CancelRequested);
        Assert.NotNull(job.FinishedAt);
        Assert.Equal((50L, 50L, 50L), (job.Checkpoint, job.RecordsProcessed, job.RecordsInserted));
        Assert.Equal(Enumerable.Range(1, 50).Select(ContactsCsv.Name), (await database.ContactsAsync(org)).Select(c => c.DisplayName));

        var rolledBack = await database.RollbackAsync(org, jobId);

        Assert.Equal(JobStatus.RolledBack, rolledBack.Status);
        Assert.Empty(await database.ContactsAsync(org));
        using var summary = JsonDocument.Parse(rolledBack.RollbackSummary!);
        Assert.Equal(50, summary.RootElement.GetProperty("deleted").GetInt64());
    }

    [Fact]
    public async Task Cancelling_a_queued_import_ends_it_before_any_row_is_written()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var org = database.Demo.Id;
        var jobId = await database.PrepareContactsJobAsync(org, ContactsCsv.Build(20));
        await database.WorkflowAsync(org, w => w.ExecuteAsync(jobId, Ct));

        var cancelled = await database.WorkflowAsync(org, w => w.CancelAsync(jobId, Ct));
        await database.RunWorkerUntilIdleAsync();

        Assert.Equal(JobStatus.Cancelled, cancelled.Status);
        Assert.Equal(JobStatus.Cancelled, (await database.JobAsync(jobId)).Status);
        Assert.Empty(await database.ContactsAsync(org));
        Assert.Equal(0, (await database.JobAsync(jobId)).Attempts);
    }
}
