using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Ferry.Server.Tests.Infrastructure;

/// <summary>The steps of the migration walk-through as the curl examples take them, with the status each must answer.</summary>
public static class FerryApi
{
    public const string Jobs = "/api/v1/migration/jobs";

    static readonly string[] TerminalStatuses = ["completed", "completed_with_errors", "failed", "cancelled", "rolled_back"];

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        await ExpectAsync(response, HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonElement> CreateJobAsync(this HttpClient client, string dataType, string conflictStrategy = "skip", string? name = null)
    {
        using var response = await client.PostAsJsonAsync(Jobs, new
        {
            name = name ?? $"{dataType} import {Guid.NewGuid():N}",
            description = "created by a test",
            source_type = "csv",
            data_types = new[] { dataType },
            conflict_strategy = conflictStrategy,
            batch_size = 100,
        }, Ct);
        await ExpectAsync(response, HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    public static async Task<Guid> CreateJobIdAsync(this HttpClient client, string dataType, string conflictStrategy = "skip") =>
        (await client.CreateJobAsync(dataType, conflictStrategy)).GetProperty("id").GetGuid();

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, Guid jobId, byte[] content, string fileName = "data.csv", string field = "file")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, field, fileName);
        return await client.PostAsync($"{Jobs}/{jobId}/upload", form, Ct);
    }

    public static async Task<JsonElement> UploadCsvAsync(this HttpClient client, Guid jobId, string csv, string fileName = "data.csv")
    {
        using var response = await client.UploadAsync(jobId, Encoding.UTF8.GetBytes(csv), fileName);
        await ExpectAsync(response, HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonElement> AutoMapAsync(this HttpClient client, Guid jobId)
    {
        using var response = await client.PostAsync($"{Jobs}/{jobId}/mappings/auto", null, Ct);
        await ExpectAsync(response, HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonElement> ValidateAsync(this HttpClient client, Guid jobId)
    {
        using var response = await client.PostAsync($"{Jobs}/{jobId}/validate", null, Ct);
        await ExpectAsync(response, HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonElement> ExecuteAsync(this HttpClient client, Guid jobId)
    {
        using var response = await client.PostAsync($"{Jobs}/{jobId}/execute", null, Ct);
        await ExpectAsync(response, HttpStatusCode.Accepted);
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonElement> RollbackAsync(this HttpClient client, Guid jobId)
    {
        using var response = await client.PostAsync($"{Jobs}/{jobId}/rollback", null, Ct);
        await ExpectAsync(response, HttpStatusCode.Accepted);
        return await response.ReadJsonAsync();
    }

    /// <summary>Polls the progress endpoint until the job reaches a terminal status; fails after 30 seconds.</summary>
    public static async Task<JsonElement> WaitUntilFinishedAsync(this HttpClient client, Guid jobId)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var progress = await client.GetJsonAsync($"{Jobs}/{jobId}/progress");
            var status = progress.GetProperty("status").GetString();
            if (TerminalStatuses.Contains(status))
            {
                return progress;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Job {jobId} is still '{status}' after 30 s.");
            await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
        }
    }

    /// <summary>Create, upload, auto-map, execute and wait: the whole import of one CSV file.</summary>
    public static async Task<(Guid JobId, JsonElement Progress)> ImportAsync(this HttpClient client, string dataType, string csv, string conflictStrategy = "skip")
    {
        var jobId = await client.CreateJobIdAsync(dataType, conflictStrategy);
        await client.UploadCsvAsync(jobId, csv);
        await client.AutoMapAsync(jobId);
        await client.ExecuteAsync(jobId);
        return (jobId, await client.WaitUntilFinishedAsync(jobId));
    }

    public static async Task<JsonElement> RollbackAndWaitAsync(this HttpClient client, Guid jobId)
    {
        await client.RollbackAsync(jobId);
        var progress = await client.WaitUntilFinishedAsync(jobId);
        Assert.Equal("rolled_back", progress.GetProperty("status").GetString());
        return progress;
    }

    public static async Task<string?> StatusOfAsync(this HttpClient client, Guid jobId) =>
        (await client.GetJsonAsync($"{Jobs}/{jobId}")).GetProperty("status").GetString();

    /// <summary>The rows of one ERP list (first page of up to 500).</summary>
    public static async Task<JsonElement> ErpAsync(this HttpClient client, string list, Guid? jobId = null) =>
        await client.GetJsonAsync($"/api/v1/erp/{list}?page_size=500{(jobId is { } id ? $"&job_id={id}" : "")}");

    /// <summary>A table of the job's file, its columns paged: profiles and preview rows.</summary>
    public static async Task<JsonElement> ProfileAsync(this HttpClient client, Guid jobId, string? table = null, int? page = null, int? pageSize = null)
    {
        var query = new List<string>();
        if (table is not null)
        {
            query.Add($"table={Uri.EscapeDataString(table)}");
        }
        if (page is not null)
        {
            query.Add($"page={page}");
        }
        if (pageSize is not null)
        {
            query.Add($"page_size={pageSize}");
        }
        return await client.GetJsonAsync($"{Jobs}/{jobId}/profile{(query.Count == 0 ? "" : "?" + string.Join('&', query))}");
    }

    /// <summary>The names of the columns of a table of the job's file, from its profile.</summary>
    public static async Task<IReadOnlyList<string?>> ColumnsAsync(this HttpClient client, Guid jobId, string? table = null) =>
        [.. (await client.ProfileAsync(jobId, table, pageSize: 500)).GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString())];

    public static IEnumerable<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray();

    public static long Total(this JsonElement page) => page.GetProperty("total").GetInt64();

    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode} instead of {(int)expected}: {body}");
        }
    }

    /// <summary>Asserts an RFC 9457 problem with the given status and, when named, the spec's error code.</summary>
    public static async Task<JsonElement> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? errorCode = null)
    {
        await ExpectAsync(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (errorCode is not null)
        {
            Assert.True(problem.TryGetProperty("error_code", out var code), $"The problem has no error_code: {problem}");
            Assert.Equal(errorCode, code.GetString());
        }
        return problem;
    }
}
