using System.Net;
using Ferry.Data;
using Ferry.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ferry.Server.Tests.Features.Hardening;

public sealed class JobDeletionTests(FerryApp app) : IClassFixture<FerryApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_finished_job_whose_rows_are_in_the_erp_is_not_deleted_until_rolled_back()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var (jobId, _) = await client.ImportAsync("contacts", TestData.Csv("Customer Name,City", $"Kept {TestData.Tag()},Pune"));

        using (var refused = await client.DeleteAsync($"{FerryApi.Jobs}/{jobId}", Ct))
        {
            var problem = await FerryApi.ExpectProblemAsync(refused, HttpStatusCode.Conflict, "MIG011");
            Assert.Contains("Roll back first", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal("completed", await client.StatusOfAsync(jobId));
        Assert.Equal(1, (await client.ErpAsync("contacts", jobId)).Total());

        await client.RollbackAndWaitAsync(jobId);
        using var deleted = await client.DeleteAsync($"{FerryApi.Jobs}/{jobId}", Ct);

        await FerryApi.ExpectAsync(deleted, HttpStatusCode.NoContent);
        Assert.Equal(0, (await client.ErpAsync("contacts")).Total());
    }

    [Fact]
    public async Task Deleting_with_keep_data_keeps_the_rows_and_the_journal_and_records_it_in_the_audit()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var name = $"Kept {TestData.Tag()}";
        await client.ImportAsync("contacts", TestData.Csv("Customer Name,City", $"{name},Pune"));
        var (jobId, _) = await client.ImportAsync("contacts", TestData.Csv("Customer Name,City", $"{name},Mumbai"), "update");

        using var deleted = await client.DeleteAsync($"{FerryApi.Jobs}/{jobId}?keep_data=true", Ct);

        await FerryApi.ExpectAsync(deleted, HttpStatusCode.NoContent);
        using (var gone = await client.GetAsync($"{FerryApi.Jobs}/{jobId}", Ct))
        {
            await FerryApi.ExpectProblemAsync(gone, HttpStatusCode.NotFound, "MIG013");
        }
        Assert.DoesNotContain((await client.GetJsonAsync(FerryApi.Jobs)).Items(), j => j.GetProperty("id").GetGuid() == jobId);
        Assert.Equal("Mumbai", Assert.Single((await client.ErpAsync("contacts")).Items()).GetProperty("billing").GetProperty("city").GetString());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FerryDbContext>();
        Assert.True(await db.RollbackJournal.IgnoreQueryFilters().AnyAsync(e => e.JobId == jobId, Ct));
        var audit = await db.AuditEntries.IgnoreQueryFilters().SingleAsync(a => a.Subject == jobId.ToString(), Ct);
        Assert.Equal("job_deleted_keeping_data", audit.Action);
        Assert.NotNull(audit.UserId);
    }

    [Fact]
    public async Task A_job_that_imported_nothing_is_deleted_without_keep_data()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var (jobId, progress) = await client.ImportAsync("contacts", TestData.Csv("Customer Name,E-mail", "Bad Mail,not-an-email"));
        Assert.Equal(0, progress.GetProperty("records_inserted").GetInt64());

        using var deleted = await client.DeleteAsync($"{FerryApi.Jobs}/{jobId}", Ct);

        await FerryApi.ExpectAsync(deleted, HttpStatusCode.NoContent);
    }
}
