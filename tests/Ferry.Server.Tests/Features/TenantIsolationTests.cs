using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features;

/// <summary>A super admin of one organization can neither see nor change anything of another organization.</summary>
public sealed class TenantIsolationTests(FerryApp app) : IClassFixture<FerryApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    sealed record Tenants(HttpClient A, HttpClient B, Guid JobOfA, string CustomerOfA) : IDisposable
    {
        public void Dispose()
        {
            A.Dispose();
            B.Dispose();
        }
    }

    /// <summary>Organization A with a completed contact import, and organization B with its own super admin.</summary>
    async Task<Tenants> TwoOrganizationsAsync()
    {
        var a = await app.ClientOfNewOrganizationAsync();
        var customer = $"Tenant A Customer {TestData.Tag()}";
        var (jobId, progress) = await a.ImportAsync("contacts", TestData.Csv("Customer Name,City", $"{customer},Mumbai"));
        Assert.Equal("completed", progress.GetProperty("status").GetString());

        var tag = TestData.Tag().ToLowerInvariant();
        await app.AddOrganizationAsync($"other-{tag}", $"admin-{tag}@other.test", $"Other-{tag}");
        var b = await app.SignedInClientAsync($"admin-{tag}@other.test", $"Other-{tag}");
        return new Tenants(a, b, jobId, customer);
    }

    static HttpRequestMessage Request(string method, string url, Guid jobId) => new(new HttpMethod(method), url.Replace("{id}", jobId.ToString(), StringComparison.Ordinal))
    {
        Content = method switch
        {
            "PUT" => new StringContent("""{"name":"taken over","conflict_strategy":"update"}""", Encoding.UTF8, "application/json"),
            "POST" when url.EndsWith("/mappings", StringComparison.Ordinal) => new StringContent("""{"source_field":"City","target_field":"notes"}""", Encoding.UTF8, "application/json"),
            "POST" when url.EndsWith("/upload", StringComparison.Ordinal) => Upload(),
            _ => null,
        },
    };

    static MultipartFormDataContent Upload()
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(TestData.Csv("Customer Name", "Intruder")));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "intruder.csv");
        return form;
    }

    [Theory]
    [InlineData("GET", "/api/v1/migration/jobs/{id}")]
    [InlineData("PUT", "/api/v1/migration/jobs/{id}")]
    [InlineData("DELETE", "/api/v1/migration/jobs/{id}")]
    [InlineData("POST", "/api/v1/migration/jobs/{id}/upload")]
    [InlineData("POST", "/api/v1/migration/jobs/{id}/mappings/auto")]
    [InlineData("GET", "/api/v1/migration/jobs/{id}/mappings")]
    [InlineData("POST", "/api/v1/migration/jobs/{id}/mappings")]
    [InlineData("POST", "/api/v1/migration/jobs/{id}/validate")]
    [InlineData("POST", "/api/v1/migration/jobs/{id}/execute")]
    [InlineData("POST", "/api/v1/migration/jobs/{id}/start")]
    [InlineData("GET", "/api/v1/migration/jobs/{id}/progress")]
    [InlineData("GET", "/api/v1/migration/jobs/{id}/logs")]
    [InlineData("GET", "/api/v1/migration/jobs/{id}/conflicts")]
    [InlineData("POST", "/api/v1/migration/jobs/{id}/rollback")]
    [InlineData("POST", "/api/v1/migration/jobs/{id}/cancel")]
    public async Task Another_organizations_job_is_not_found_and_stays_untouched(string method, string url)
    {
        using var tenants = await TwoOrganizationsAsync();
        var before = await tenants.A.GetJsonAsync($"{FerryApi.Jobs}/{tenants.JobOfA}");
        using var request = Request(method, url, tenants.JobOfA);

        using var response = await tenants.B.SendAsync(request, Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.NotFound);
        var after = await tenants.A.GetJsonAsync($"{FerryApi.Jobs}/{tenants.JobOfA}");
        Assert.Equal(before.ToString(), after.ToString());
        Assert.Equal(1, (await tenants.A.ErpAsync("contacts", tenants.JobOfA)).Total());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Another_organizations_mapping_is_not_found_and_stays_untouched(string method)
    {
        using var tenants = await TwoOrganizationsAsync();
        var mappingsBefore = (await tenants.A.GetJsonAsync($"{FerryApi.Jobs}/{tenants.JobOfA}/mappings")).GetProperty("mappings");
        var mappingId = mappingsBefore[0].GetProperty("id").GetGuid();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/migration/mappings/{mappingId}")
        {
            Content = method == "PUT" ? new StringContent("""{"source_field":"City","target_field":"notes"}""", Encoding.UTF8, "application/json") : null,
        };

        using var response = await tenants.B.SendAsync(request, Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.NotFound);
        var mappingsAfter = (await tenants.A.GetJsonAsync($"{FerryApi.Jobs}/{tenants.JobOfA}/mappings")).GetProperty("mappings");
        Assert.Equal(mappingsBefore.ToString(), mappingsAfter.ToString());
    }

    [Fact]
    public async Task Another_organizations_jobs_and_erp_rows_are_invisible()
    {
        using var tenants = await TwoOrganizationsAsync();

        var jobs = await tenants.B.GetJsonAsync($"{FerryApi.Jobs}?page_size=500");
        var contacts = await tenants.B.ErpAsync("contacts");
        var contactsOfJob = await tenants.B.ErpAsync("contacts", tenants.JobOfA);
        var groups = await tenants.B.ErpAsync("account-groups");
        var warehouses = await tenants.B.ErpAsync("warehouses");

        Assert.Equal(0, jobs.Total());
        Assert.Equal(0, contacts.Total());
        Assert.Equal(0, contactsOfJob.Total());
        Assert.Equal(28, groups.Total());
        Assert.Equal(1, warehouses.Total());
        Assert.Contains((await tenants.A.ErpAsync("contacts")).Items(), c => c.GetProperty("display_name").GetString() == tenants.CustomerOfA);
    }

    [Fact]
    public async Task The_same_customer_may_exist_in_two_organizations()
    {
        using var tenants = await TwoOrganizationsAsync();

        var (jobOfB, progress) = await tenants.B.ImportAsync("contacts", TestData.Csv("Customer Name,City", $"{tenants.CustomerOfA},Pune"));

        Assert.Equal("completed", progress.GetProperty("status").GetString());
        Assert.Equal(1, progress.GetProperty("records_succeeded").GetInt64());
        Assert.Equal("Pune", Assert.Single((await tenants.B.ErpAsync("contacts", jobOfB)).Items()).GetProperty("billing").GetProperty("city").GetString());
        Assert.Equal("Mumbai", Assert.Single((await tenants.A.ErpAsync("contacts", tenants.JobOfA)).Items()).GetProperty("billing").GetProperty("city").GetString());
    }
}
