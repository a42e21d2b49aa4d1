using System.Net;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Execution;

public sealed class RollbackWindowTests(NoRollbackWindowFerryApp app) : IClassFixture<NoRollbackWindowFerryApp>
{
    [Fact]
    public async Task Rolling_back_after_the_rollback_window_is_refused_with_MIG007_and_keeps_the_data()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var (jobId, progress) = await client.ImportAsync("contacts", TestData.Csv("Customer Name", $"Too Late {TestData.Tag()}"));
        Assert.Equal("completed", progress.GetProperty("status").GetString());

        using var rollback = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/rollback", null, TestContext.Current.CancellationToken);

        await FerryApi.ExpectProblemAsync(rollback, HttpStatusCode.Conflict, "MIG007");
        Assert.Equal("completed", await client.StatusOfAsync(jobId));
        Assert.Equal(1, (await client.ErpAsync("contacts", jobId)).Total());
    }
}
