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

    [Fact]
    public async Task The_OpenAPI_document_describes_the_migration_api()
    {
        using var client = await app.AdminClientAsync();

        var document = await client.GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/migration/jobs", out var jobs));
        Assert.True(jobs.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/v1/migration/jobs/{jobId}/upload", out _));
        Assert.True(paths.TryGetProperty("/api/v1/migration/jobs/{jobId}/progress", out _));
    }
}
