using System.Text;
using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Data.Workflow;
using Ferry.Tests.Fixtures;

namespace Ferry.Data.Tests.Workflow;

public sealed class JobStateTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Steps_out_of_order_are_refused_with_MIG011_and_change_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var org = database.Demo.Id;
        var draft = (await database.WorkflowAsync(org, w => w.CreateAsync(org, null, new NewJob("Contacts", null, SourceType.Csv, ["contacts"], ConflictStrategy.Skip), Ct))).Id;

        foreach (var step in new Func<JobWorkflow, Task>[] { w => w.AutoMapAsync(draft, Ct), w => w.ValidateAsync(draft, Ct), w => w.ExecuteAsync(draft, Ct), w => w.RollbackAsync(draft, Ct) })
        {
            var error = await Assert.ThrowsAsync<FerryException>(() => database.WorkflowAsync(org, async w => { await step(w); return 0; }));
            Assert.Equal(ErrorCodes.InvalidJobState, error.ErrorCode);
        }
        Assert.Equal(JobStatus.Draft, (await database.JobAsync(draft)).Status);

        var done = await database.ImportAsync(org, ContactsCsv.Build(3));
        var again = await Assert.ThrowsAsync<FerryException>(() => database.WorkflowAsync(org, w => w.ExecuteAsync(done.Id, Ct)));
        Assert.Equal(ErrorCodes.InvalidJobState, again.ErrorCode);
        await database.RollbackAsync(org, done.Id);
        var twice = await Assert.ThrowsAsync<FerryException>(() => database.WorkflowAsync(org, w => w.RollbackAsync(done.Id, Ct)));
        Assert.Equal(ErrorCodes.InvalidJobState, twice.ErrorCode);
        Assert.Equal(JobStatus.RolledBack, (await database.JobAsync(done.Id)).Status);
    }

    [Fact]
    public async Task Executing_a_job_whose_required_field_has_no_column_is_refused_with_MIG003()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var org = database.Demo.Id;
        var job = await database.WorkflowAsync(org, w => w.CreateAsync(org, null, new NewJob("Contacts", null, SourceType.Csv, ["contacts"], ConflictStrategy.Skip), Ct));
        await database.WorkflowAsync(org, async w =>
        {
            using var content = new MemoryStream(Encoding.UTF8.GetBytes("E-mail,City\r\na@acme.in,Pune\r\n"));
            return await w.UploadAsync(job.Id, content, "contacts.csv", null, Ct);
        });
        var mapping = await database.WorkflowAsync(org, w => w.AutoMapAsync(job.Id, Ct));
        Assert.Equal(["display_name"], mapping.MissingRequiredFields);

        var error = await Assert.ThrowsAsync<FerryException>(() => database.WorkflowAsync(org, w => w.ExecuteAsync(job.Id, Ct)));

        Assert.Equal(ErrorCodes.RequiredFieldsMissing, error.ErrorCode);
        Assert.Contains("display_name", error.Message, StringComparison.Ordinal);
        Assert.Equal(JobStatus.Mapped, (await database.JobAsync(job.Id)).Status);
    }

    [Fact]
    public async Task Rollback_after_the_rollback_window_is_refused_with_MIG007()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var org = database.Demo.Id;
        var job = await database.ImportAsync(org, ContactsCsv.Build(3));
        database.Worker.RollbackWindow = TimeSpan.FromTicks(1);

        var error = await Assert.ThrowsAsync<FerryException>(() => database.WorkflowAsync(org, w => w.RollbackAsync(job.Id, Ct)));

        Assert.Equal(ErrorCodes.RollbackExpired, error.ErrorCode);
        Assert.Equal(JobStatus.Completed, (await database.JobAsync(job.Id)).Status);
        Assert.Equal(3, (await database.ContactsAsync(org)).Count);
    }
}
