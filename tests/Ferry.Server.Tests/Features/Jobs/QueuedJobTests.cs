using System.Net;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Jobs;

/// <summary>On a server that runs no worker an executed job stays queued, so what may happen to a queued job is deterministic.</summary>
public sealed class QueuedJobTests(ApiOnlyFerryApp app) : IClassFixture<ApiOnlyFerryApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<Guid> MappedJobAsync(HttpClient client)
    {
        var jobId = await client.CreateJobIdAsync("contacts");
        await client.UploadCsvAsync(jobId, TestData.Csv("Customer Name,City", $"Queued Customer {TestData.Tag()},Mumbai"));
        await client.AutoMapAsync(jobId);
        return jobId;
    }

    [Fact]
    public async Task A_second_migration_of_the_organization_is_refused_with_MIG008_while_one_is_queued()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var first = await MappedJobAsync(client);
        var second = await MappedJobAsync(client);
        await client.ExecuteAsync(first);

        using var response = await client.PostAsync($"{FerryApi.Jobs}/{second}/execute", null, Ct);

        var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.Conflict, "MIG008");
        Assert.Contains(first.ToString(), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("queued", await client.StatusOfAsync(first));
        Assert.Equal("mapped", await client.StatusOfAsync(second));
    }

    [Fact]
    public async Task Once_the_active_migration_is_cancelled_the_next_one_may_execute()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var first = await MappedJobAsync(client);
        var second = await MappedJobAsync(client);
        await client.ExecuteAsync(first);
        using (var refused = await client.PostAsync($"{FerryApi.Jobs}/{second}/execute", null, Ct))
        {
            await FerryApi.ExpectProblemAsync(refused, HttpStatusCode.Conflict, "MIG008");
        }

        using (var cancel = await client.PostAsync($"{FerryApi.Jobs}/{first}/cancel", null, Ct))
        {
            await FerryApi.ExpectAsync(cancel, HttpStatusCode.OK);
        }
        var accepted = await client.ExecuteAsync(second);

        Assert.Equal("queued", accepted.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Another_organizations_queued_migration_does_not_block_this_one()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        using var other = await app.ClientOfNewOrganizationAsync();
        await other.ExecuteAsync(await MappedJobAsync(other));

        var accepted = await client.ExecuteAsync(await MappedJobAsync(client));

        Assert.Equal("queued", accepted.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancelling_a_queued_job_makes_it_cancelled_and_it_stays_so()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await MappedJobAsync(client);
        await client.ExecuteAsync(jobId);

        using var cancel = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/cancel", null, Ct);

        await FerryApi.ExpectAsync(cancel, HttpStatusCode.OK);
        Assert.Equal("cancelled", (await cancel.ReadJsonAsync()).GetProperty("status").GetString());
        var progress = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/progress");
        Assert.Equal("cancelled", progress.GetProperty("status").GetString());
        Assert.Equal(0, progress.GetProperty("records_processed").GetInt64());
        Assert.Equal(0, (await client.ErpAsync("contacts", jobId)).Total());
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("execute")]
    public async Task A_cancelled_job_can_be_neither_cancelled_nor_executed_again(string step)
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await MappedJobAsync(client);
        await client.ExecuteAsync(jobId);
        using (var cancel = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/cancel", null, Ct))
        {
            await FerryApi.ExpectAsync(cancel, HttpStatusCode.OK);
        }

        using var response = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/{step}", null, Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.Conflict, "MIG011");
        Assert.Equal("cancelled", await client.StatusOfAsync(jobId));
    }

    [Fact]
    public async Task A_draft_job_can_be_cancelled()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");

        using var cancel = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/cancel", null, Ct);

        await FerryApi.ExpectAsync(cancel, HttpStatusCode.OK);
        Assert.Equal("cancelled", await client.StatusOfAsync(jobId));
    }

    [Fact]
    public async Task A_queued_job_cannot_be_deleted()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await MappedJobAsync(client);
        await client.ExecuteAsync(jobId);

        using var delete = await client.DeleteAsync($"{FerryApi.Jobs}/{jobId}", Ct);

        await FerryApi.ExpectProblemAsync(delete, HttpStatusCode.Conflict, "MIG011");
        Assert.Equal("queued", await client.StatusOfAsync(jobId));
    }

    [Fact]
    public async Task A_queued_job_cannot_be_rolled_back()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await MappedJobAsync(client);
        await client.ExecuteAsync(jobId);

        using var rollback = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/rollback", null, Ct);

        await FerryApi.ExpectProblemAsync(rollback, HttpStatusCode.Conflict, "MIG011");
        Assert.Equal("queued", await client.StatusOfAsync(jobId));
    }
}
