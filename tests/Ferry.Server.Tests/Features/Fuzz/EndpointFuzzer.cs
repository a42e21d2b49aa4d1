using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Fuzz;

/// <summary>
/// Sends every case of every endpoint as one signed-in client and keeps each answer that breaks a rule: no 5xx, every
/// 4xx a problem+json with an error_code, no 2xx to what must be refused, no rows on a page past the end.
/// Route parameters name real rows (a job with an uploaded CSV and a mapping), built afresh for each endpoint and
/// whenever a request that carried data got through; the Tally settings point at a stand-in.
/// </summary>
public sealed class EndpointFuzzer(HttpClient client, string tallyHost, int tallyPort)
{
    static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(20);
    const int ExcerptLength = 240;
    const int ReadPageSize = 100;
    const int MaxReadPages = 100;

    readonly List<FuzzFinding> _findings = [];
    Dictionary<string, string> _fixture = [];
    int _requests;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public IReadOnlyList<FuzzFinding> Findings => _findings;

    public int Requests => _requests;

    /// <summary>The value of a route parameter in the current fixture; an id nobody has for a parameter the fixture does not know.</summary>
    string ValueOf(string parameter) => _fixture.TryGetValue(parameter, out var value) ? value : Guid.NewGuid().ToString();

    public async Task FuzzAsync(FuzzedEndpoint endpoint)
    {
        var sample = endpoint.BodyType is { } type ? SampleBodies.For(type, tallyHost, tallyPort) : null;
        Func<HttpContent?> wellFormed = endpoint.ReadsForm ? MalformedBodies.ValidUpload
            : sample is not null ? () => new StringContent(sample.ToJsonString(), System.Text.Encoding.UTF8, "application/json")
            : () => null;
        await RenewRowsAsync();
        await PointTallyAtTheStandInAsync();
        // A request that got through may have changed the rows its route names; one that was refused left them as they were.
        var rowsSpent = false;
        foreach (var fuzzCase in FuzzCases.For(endpoint, wellFormed, sample))
        {
            if (rowsSpent)
            {
                await RenewRowsAsync();
            }
            var url = endpoint.Url(name => fuzzCase.RouteValue ?? ValueOf(name)) + fuzzCase.Query;
            var status = (await SendAsync(endpoint, url, fuzzCase.Payload, fuzzCase.Content, fuzzCase.MustRefuseBecause)).Status;
            rowsSpent = endpoint.RouteParameters.Count > 0 && (endpoint.BodyType is not null || endpoint.ReadsForm) && status is not (>= 400 and < 500);
        }
    }

    /// <summary>Sends one request and records a finding when its answer breaks a rule; returns the status, if there was an answer.</summary>
    async Task<Answer> SendAsync(FuzzedEndpoint endpoint, string url, string payload, Func<HttpContent?> content, string? mustRefuseBecause = null)
    {
        Interlocked.Increment(ref _requests);
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url) { Content = content() };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(AnswerTimeout);
        try
        {
            using var response = await client.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var status = (int)response.StatusCode;
            if (BrokenRule(response, body, mustRefuseBecause) is { } cause)
            {
                Add(endpoint, url, payload, status.ToString(CultureInfo.InvariantCulture), cause, body);
                return new Answer(status, true, body);
            }
            return new Answer(status, false, body);
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            Add(endpoint, url, payload, "no answer", $"no answer within {AnswerTimeout.TotalSeconds:0} s", "");
        }
        catch (HttpRequestException e)
        {
            Add(endpoint, url, payload, "no answer", $"the request failed: {e.GetType().Name}", e.Message);
        }
        catch (IOException e)
        {
            Add(endpoint, url, payload, "no answer", $"the request failed: {e.GetType().Name}", e.Message);
        }
        return new Answer(null, true, "");
    }

    /// <summary>The status of every read of the fixture's rows, before anything hostile was sent.</summary>
    public async Task<IReadOnlyDictionary<string, int?>> ReadFixtureAsync(IEnumerable<FuzzedEndpoint> reads)
    {
        await RenewRowsAsync();
        await PointTallyAtTheStandInAsync();
        var statuses = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var read in reads)
        {
            statuses[read.ToString()] = (await SendAsync(read, read.Url(ValueOf), "read before the fuzz", () => null)).Status;
        }
        return statuses;
    }

    /// <summary>
    /// Reads every page of every list and every read of every job of the organization, a few at a time; each must
    /// answer 200 or the refusal it gave before the fuzz (e.g. 409 for the reconciliation of a table import).
    /// </summary>
    public async Task ExpectReadsAsync(IEnumerable<FuzzedEndpoint> reads, IReadOnlyDictionary<string, int?> before, IReadOnlyList<Guid> jobIds)
    {
        var targets = reads.SelectMany(read => read.RouteParameters.Contains("jobId", StringComparer.OrdinalIgnoreCase)
            ? jobIds.Select(id => (Read: read, Url: read.Url(name => name.Equals("jobId", StringComparison.OrdinalIgnoreCase) ? id.ToString() : ValueOf(name))))
            : [(Read: read, Url: read.Url(ValueOf))]);
        await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Ct }, async (target, _) =>
        {
            var paged = target.Read.Query.Any(q => q.Name == "page");
            var pageSize = target.Read.Query.Any(q => q.Name == "page_size") ? "&page_size=" + ReadPageSize : "";
            for (var page = 1; page <= MaxReadPages; page++)
            {
                var url = paged ? $"{target.Url}?page={page}{pageSize}" : target.Url;
                var answer = await SendAsync(target.Read, url, "read after the fuzz", () => null);
                var was = before[target.Read.ToString()];
                // 409 MIG011 says the job's state does not offer that read yet (a draft has no profile): an answer, not damage.
                var stateRefusal = answer.Status == (int)HttpStatusCode.Conflict && answer.Body.Contains("\"MIG011\"", StringComparison.Ordinal);
                if (!answer.Broken && answer.Status != (int)HttpStatusCode.OK && answer.Status != was && !stateRefusal)
                {
                    Add(target.Read, url, "read after the fuzz", $"{answer.Status}",
                        $"a read answered {answer.Status} after the fuzz (before it: {was?.ToString(CultureInfo.InvariantCulture) ?? "no answer"})", answer.Body);
                }
                if (!paged || answer.Status != (int)HttpStatusCode.OK || ItemsOn(answer.Body) < ReadPageSize)
                {
                    break;
                }
            }
        });
    }

    static int ItemsOn(string page)
    {
        try
        {
            using var json = JsonDocument.Parse(page);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("items", out var items)
                && items.ValueKind == JsonValueKind.Array ? items.GetArrayLength() : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    static string? BrokenRule(HttpResponseMessage response, string body, string? mustRefuseBecause)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"{status} server error";
        }
        if (status >= 400)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                return $"{status} that is not problem+json ({response.Content.Headers.ContentType?.MediaType ?? "no content type"})";
            }
            return ErrorCodeOf(body) is null ? $"{status} problem without error_code" : null;
        }
        if (status is >= 200 and < 300)
        {
            return mustRefuseBecause ?? PagingFault(body);
        }
        return null;
    }

    static string? ErrorCodeOf(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.ValueKind == JsonValueKind.Object && problem.RootElement.TryGetProperty("error_code", out var code)
                && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A page that claims to lie past the last row yet holds rows, or holds more rows than its size: page arithmetic went wrong.</summary>
    static string? PagingFault(string body)
    {
        if (!body.StartsWith('{'))
        {
            return null;
        }
        try
        {
            using var page = JsonDocument.Parse(body);
            var root = page.RootElement;
            if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array
                || !root.TryGetProperty("total", out var total) || !total.TryGetInt64(out var rows)
                || !root.TryGetProperty("page", out var number) || !number.TryGetInt64(out var pageNumber)
                || !root.TryGetProperty("page_size", out var size) || !size.TryGetInt64(out var pageSize))
            {
                return null;
            }
            var count = items.GetArrayLength();
            return count > pageSize ? "a page held more rows than its page_size"
                : count > 0 && (pageNumber - 1) * pageSize >= rows ? "a page past the last row held rows"
                : null;
        }
        catch (JsonException)
        {
            return "a 2xx answer that starts like JSON but does not parse";
        }
    }

    void Add(FuzzedEndpoint endpoint, string url, string payload, string status, string cause, string body)
    {
        var excerpt = body.Length > ExcerptLength ? body[..ExcerptLength] + "…" : body;
        var shownUrl = url.Length > 120 ? url[..120] + "…" : url;
        lock (_findings)
        {
            _findings.Add(new FuzzFinding(endpoint.ToString(), $"{payload}; {shownUrl}", status, cause, excerpt.ReplaceLineEndings(" ")));
        }
    }

    /// <summary>A job with an uploaded one-row CSV and one manual mapping: the rows route parameters name.</summary>
    async Task RenewRowsAsync()
    {
        var jobId = await client.CreateJobIdAsync("contacts");
        await client.UploadCsvAsync(jobId, TestData.Csv("Customer Name,City", $"Fuzz Customer {TestData.Tag()},Pune"));
        using var mapping = await client.PostAsJsonAsync($"{FerryApi.Jobs}/{jobId}/mappings", new { source_field = "City", target_field = "billing_city" }, Ct);
        await FerryApi.ExpectAsync(mapping, HttpStatusCode.Created);
        var mappingId = (await mapping.ReadJsonAsync()).GetProperty("id").GetGuid();
        _fixture = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["jobId"] = jobId.ToString(),
            ["mappingId"] = mappingId.ToString(),
            ["documentName"] = "v1",
        };
    }

    /// <summary>The organization's Tally settings, which no route names but the connection test and the sync read.</summary>
    async Task PointTallyAtTheStandInAsync()
    {
        using var settings = await client.PutAsJsonAsync("/api/v1/integration-settings/tally", new { host = tallyHost, port = tallyPort, company = SampleBodies.TallyCompany }, Ct);
        await FerryApi.ExpectAsync(settings, HttpStatusCode.OK);
    }

    readonly record struct Answer(int? Status, bool Broken, string Body);
}
