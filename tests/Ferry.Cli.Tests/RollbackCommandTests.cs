using Ferry.Cli.Tests.Infrastructure;
using Ferry.Core.Jobs;
using Ferry.Data;
using Ferry.Data.Runs;
using Ferry.Data.Storage;
using Ferry.Data.Workflow;
using Ferry.Sources;
using Ferry.Sources.Tally;
using Ferry.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Cli.Tests;

public sealed class RollbackCommandTests
{
    static readonly string[] Tenant = [FerryDbContext.TenantFilter];

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rollback_whose_process_died_is_finished_by_running_the_same_rollback_again()
    {
        await using var workspace = await CliWorkspace.CreateAsync();
        var file = workspace.WriteFile("contacts.csv", ContactsCsv.Build(300));
        var import = await workspace.RunAsync(["import", file, "--type", "contacts", .. workspace.DatabaseArgs, "--json"]);
        Assert.True(import.ExitCode == 0, import.ToString());
        var jobId = import.Json().GetProperty("job_id").GetGuid();

        // Recreate what `ferry rollback` leaves behind when it is killed once its worker has claimed the job:
        // the job rolling back under the lease of a process that no longer exists.
        Guid organizationId;
        await using (var db = workspace.OpenContext())
        {
            organizationId = await db.Jobs.IgnoreQueryFilters(Tenant).Where(j => j.Id == jobId).Select(j => j.OrganizationId).SingleAsync(Ct);
        }
        await using (var db = DataServiceCollectionExtensions.CreateContext(workspace.Database, new TenantScope { OrganizationId = organizationId }))
        {
            var uploads = new UploadStore(new StorageOptions { UploadRoot = Path.Combine(workspace.Folder, "uploads") });
            await new JobWorkflow(db, uploads, new SourceOpener(), new TallyBookOpener(), workspace.Database, new WorkerOptions()).RollbackAsync(jobId, Ct);
        }
        var lease = await new JobQueue(workspace.Database, new WorkerOptions(), TimeProvider.System).ClaimAsync("ferry/4242/killed", soleWorker: false, Ct);
        Assert.NotNull(lease);
        Assert.Equal((jobId, JobStatus.RollingBack), (lease.JobId, lease.Status));

        var again = await workspace.RunAsync(["rollback", jobId.ToString(), .. workspace.DatabaseArgs, "--json"]);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal("rolled_back", again.Json().GetProperty("status").GetString());
        await using (var db = workspace.OpenContext())
        {
            Assert.Equal(0, await db.Contacts.IgnoreQueryFilters(Tenant).CountAsync(Ct));
            Assert.Equal(JobStatus.RolledBack, (await db.Jobs.IgnoreQueryFilters(Tenant).SingleAsync(j => j.Id == jobId, Ct)).Status);
        }
    }
}
