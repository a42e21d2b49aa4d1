using System.Net;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Health;

public sealed class HealthApiTests(FerryApp app) : IClassFixture<FerryApp>
{
    [Fact]
    public async Task Health_answers_without_a_token_and_reports_database_and_storage()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/v1/migration/health", TestContext.Current.CancellationToken);

        await FerryApi.ExpectAsync(response, HttpStatusCode.OK);
        var health = await response.ReadJsonAsync();
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("healthy", health.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
    }
}
