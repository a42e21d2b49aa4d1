using System.Net;
using System.Net.Http.Json;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Jobs;

/// <summary>Each step is refused with MIG011 when the job is not in a status that allows it, and the job is left as it was.</summary>
public sealed class JobStateTests(FerryApp app) : IClassFixture<FerryApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string Customers() => TestData.Csv("Customer Name,E-mail,City", $"State Test {TestData.Tag()},a@state.example,Mumbai");

    [Theory]
    [InlineData("validate")]
    [InlineData("execute")]
    [InlineData("start")]
    [InlineData("rollback")]
    [InlineData("mappings/auto")]
    public async Task A_step_on_a_draft_job_is_refused_with_MIG011(string step)
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");

        using var response = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/{step}", null, Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.Conflict, "MIG011");
        Assert.Equal("draft", await client.StatusOfAsync(jobId));
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("execute")]
    public async Task Validating_or_executing_before_mapping_is_refused_with_MIG011(string step)
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");
        await client.UploadCsvAsync(jobId, Customers());

        using var response = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/{step}", null, Ct);

        var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.Conflict, "MIG011");
        Assert.Contains("uploaded", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("uploaded", await client.StatusOfAsync(jobId));
        Assert.Equal(0, (await client.ErpAsync("contacts")).Total());
    }

    [Fact]
    public async Task Executing_a_job_twice_is_refused_with_MIG011_and_imports_once()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");
        await client.UploadCsvAsync(jobId, Customers());
        await client.AutoMapAsync(jobId);
        await client.ExecuteAsync(jobId);

        using var again = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/execute", null, Ct);

        await FerryApi.ExpectProblemAsync(again, HttpStatusCode.Conflict, "MIG011");
        var progress = await client.WaitUntilFinishedAsync(jobId);
        Assert.Equal("completed", progress.GetProperty("status").GetString());
        Assert.Equal(1, progress.GetProperty("records_processed").GetInt64());
        Assert.Equal(1, (await client.ErpAsync("contacts")).Total());
    }

    [Fact]
    public async Task A_finished_job_takes_no_new_file_and_no_new_settings()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var (jobId, _) = await client.ImportAsync("contacts", Customers());

        using var upload = await client.UploadAsync(jobId, System.Text.Encoding.UTF8.GetBytes(Customers()));
        using var update = await client.PutAsJsonAsync($"{FerryApi.Jobs}/{jobId}", new { conflict_strategy = "update" }, Ct);

        await FerryApi.ExpectProblemAsync(upload, HttpStatusCode.Conflict, "MIG011");
        await FerryApi.ExpectProblemAsync(update, HttpStatusCode.Conflict, "MIG011");
        var job = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}");
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal("skip", job.GetProperty("conflict_strategy").GetString());
    }

    [Fact]
    public async Task Changing_a_mapping_after_validation_sends_the_job_back_to_mapped()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");
        await client.UploadCsvAsync(jobId, Customers());
        await client.AutoMapAsync(jobId);
        await client.ValidateAsync(jobId);
        Assert.Equal("validated", await client.StatusOfAsync(jobId));

        using var response = await client.PostAsJsonAsync($"{FerryApi.Jobs}/{jobId}/mappings",
            new { target_field = "notes", default_value = "migrated" }, Ct);

        await FerryApi.ExpectAsync(response, HttpStatusCode.Created);
        var job = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}");
        Assert.Equal("mapped", job.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, job.GetProperty("validation").ValueKind);
    }
}
