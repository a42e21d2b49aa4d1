using System.Net;
using System.Text;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Jobs;

public sealed class OversizedUploadTests(SmallUploadFerryApp app) : IClassFixture<SmallUploadFerryApp>
{
    static string Customers(int rows) =>
        TestData.Csv([.. new[] { "Customer Name,City" }.Concat(Enumerable.Range(1, rows).Select(i => $"Customer number {i:D5},Mumbai"))]);

    [Fact]
    public async Task A_file_over_the_upload_limit_is_refused_with_MIG002_and_the_job_stays_draft()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");
        var bytes = Encoding.UTF8.GetBytes(Customers(100));
        Assert.True(bytes.Length > SmallUploadFerryApp.Limit);

        using var response = await client.UploadAsync(jobId, bytes);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "MIG002");
        var job = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}");
        Assert.Equal("draft", job.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, job.GetProperty("file").ValueKind);
        // Nothing of the refused upload is left on disk, not even a partial file.
        var uploads = Path.Combine(app.Folder, "uploads");
        Assert.Empty(Directory.Exists(uploads)
            ? Directory.EnumerateFiles(uploads, "*", SearchOption.AllDirectories).Where(f => f.Contains(jobId.ToString("N"), StringComparison.Ordinal))
            : []);
    }

    [Fact]
    public async Task A_file_under_the_upload_limit_is_accepted()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");
        var csv = Customers(5);
        Assert.True(Encoding.UTF8.GetByteCount(csv) < SmallUploadFerryApp.Limit);

        var job = await client.UploadCsvAsync(jobId, csv);

        Assert.Equal(5, job.GetProperty("file").GetProperty("row_count").GetInt64());
    }
}
