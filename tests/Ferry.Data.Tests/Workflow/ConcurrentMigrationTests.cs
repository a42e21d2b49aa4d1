using System.Data.Common;
using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Data.Tests.Workflow;

public sealed class ConcurrentMigrationTests
{
    static readonly string[] Tenant = [FerryDbContext.TenantFilter];

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_organization_runs_one_migration_at_a_time_while_other_organizations_are_not_held_up(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var demo = database.Demo.Id;
        var acme = (await database.AddOrganizationAsync("acme")).Id;
        var first = await database.PrepareContactsJobAsync(demo, ContactsCsv.Build(20));
        var second = await database.PrepareContactsJobAsync(demo, ContactsCsv.Build(30));
        var other = await database.PrepareContactsJobAsync(acme, ContactsCsv.Build(20));
        await database.WorkflowAsync(demo, w => w.ExecuteAsync(first, Ct));

        var whileQueued = await Assert.ThrowsAsync<FerryException>(() => database.WorkflowAsync(demo, w => w.ExecuteAsync(second, Ct)));
        Assert.Equal(ErrorCodes.ConcurrentMigration, whileQueued.ErrorCode);
        Assert.Contains(first.ToString(), whileQueued.Message, StringComparison.Ordinal);
        Assert.Equal(JobStatus.Mapped, (await database.JobAsync(second)).Status);

        Assert.Equal(JobStatus.Queued, (await database.WorkflowAsync(acme, w => w.ExecuteAsync(other, Ct))).Status);

        var queue = database.Queue();
        var lease = await queue.ClaimAsync("worker-1", soleWorker: false, Ct);
        Assert.NotNull(lease);
        Assert.Equal(first, lease.JobId);
        var whileRunning = await Assert.ThrowsAsync<FerryException>(() => database.WorkflowAsync(demo, w => w.ExecuteAsync(second, Ct)));
        Assert.Equal(ErrorCodes.ConcurrentMigration, whileRunning.ErrorCode);

        // The rule holds in the database too, for a caller that skips the workflow's check.
        await using (var db = database.System())
        {
            await Assert.ThrowsAnyAsync<DbException>(() => db.Jobs.IgnoreQueryFilters(Tenant).Where(j => j.Id == second)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Queued), Ct));
        }
        Assert.Equal(JobStatus.Mapped, (await database.JobAsync(second)).Status);

        await database.ImportRun(queue).RunAsync(lease, Ct);
        Assert.Equal(JobStatus.Completed, (await database.JobAsync(first)).Status);

        Assert.Equal(JobStatus.Queued, (await database.WorkflowAsync(demo, w => w.ExecuteAsync(second, Ct))).Status);
    }
}
