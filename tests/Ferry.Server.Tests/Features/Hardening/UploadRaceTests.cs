using System.Net;
using System.Text;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Hardening;

public sealed class UploadRaceTests(FerryApp app) : IClassFixture<FerryApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Parallel_uploads_to_one_job_leave_exactly_the_file_the_job_holds()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");
        var files = Enumerable.Range(1, 8)
            .Select(i => Encoding.UTF8.GetBytes(TestData.Csv("Customer Name,City", $"Upload {i},Pune", $"Other {i},Mumbai")))
            .ToList();

        var answers = await Task.WhenAll(files.Select(async (bytes, i) =>
        {
            using var response = await client.UploadAsync(jobId, bytes, $"upload-{i}.csv");
            return response.StatusCode;
        }));

        Assert.All(answers, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"answered {status}"));
        Assert.Contains(HttpStatusCode.OK, answers);
        var job = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}");
        var organizationFolders = Directory.EnumerateDirectories(Path.Combine(app.Folder, "uploads"))
            .SelectMany(Directory.EnumerateDirectories)
            .Where(f => Path.GetFileName(f) == jobId.ToString("N"));
        var stored = Assert.Single(organizationFolders.SelectMany(Directory.EnumerateFiles));
        var held = await File.ReadAllBytesAsync(stored, Ct);
        Assert.Equal(job.GetProperty("file").GetProperty("sha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(held)));
    }
}
