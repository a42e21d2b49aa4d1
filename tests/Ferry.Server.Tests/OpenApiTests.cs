using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests;

public sealed class OpenApiTests(FerryApp app) : IClassFixture<FerryApp>
{
    [Fact]
    public async Task The_OpenAPI_document_describes_the_migration_api()
    {
        using var client = await app.AdminClientAsync();

        var document = await client.GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/migration/jobs", out var jobs));
        Assert.True(jobs.TryGetProperty("post", out _));
        Assert.True(jobs.TryGetProperty("get", out _));
        Assert.True(paths.TryGetProperty("/api/v1/migration/jobs/{jobId}/upload", out _));
        Assert.True(paths.TryGetProperty("/api/v1/migration/jobs/{jobId}/progress", out _));
        Assert.True(paths.TryGetProperty("/api/v1/migration/jobs/{jobId}/rollback", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(["skip", "update", "create_new"], schemas.GetProperty("ConflictStrategy").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("string", schemas.GetProperty("ConflictStrategy").GetProperty("type").GetString());
        var name = schemas.GetProperty("CreateJobRequest").GetProperty("properties").GetProperty("name");
        Assert.Equal(200, name.GetProperty("maxLength").GetInt32());
        Assert.Contains("string", name.GetProperty("type").ToString(), StringComparison.Ordinal);
    }
}
