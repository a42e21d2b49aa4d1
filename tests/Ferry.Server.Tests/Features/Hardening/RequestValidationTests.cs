using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using Ferry.Data;
using Ferry.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ferry.Server.Tests.Features.Hardening;

public sealed class RequestValidationTests(FerryApp app) : IClassFixture<FerryApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("conflict_strategy", "7")]
    [InlineData("conflict_strategy", "\"7\"")]
    [InlineData("conflict_strategy", "\"skip,update\"")]
    [InlineData("conflict_strategy", "\"overwrite\"")]
    [InlineData("source_type", "99")]
    [InlineData("source_type", "true")]
    public async Task An_enum_takes_only_its_names_and_the_answer_lists_them(string field, string value)
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var body = $$"""{"name":"Customers","data_types":["contacts"],"{{field}}":{{value}}}""";

        using var created = await client.PostAsync(FerryApi.Jobs, Json(body), Ct);

        var problem = await FerryApi.ExpectProblemAsync(created, HttpStatusCode.BadRequest, "MIG012");
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(field == "conflict_strategy" ? "skip, update, create_new" : "csv, excel, json, tally, zoho, manual",
            problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await client.GetJsonAsync(FerryApi.Jobs)).Total());
    }

    [Fact]
    public async Task An_update_with_a_numeric_enum_is_refused_and_changes_nothing()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts", "update");

        using var updated = await client.PutAsync($"{FerryApi.Jobs}/{jobId}", Json("""{"conflict_strategy":2}"""), Ct);

        await FerryApi.ExpectProblemAsync(updated, HttpStatusCode.BadRequest, "MIG012");
        Assert.Equal("update", (await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}")).GetProperty("conflict_strategy").GetString());
    }

    [Fact]
    public async Task A_stored_value_the_code_cannot_read_does_not_take_the_list_or_the_job_down()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FerryDbContext>();
            await db.Database.ExecuteSqlAsync(
                $"UPDATE migration_jobs SET conflict_strategy = '7', source_type = '99', status = 'exploded', validation_report = '{{broken' WHERE lower(id) = {jobId.ToString()}", Ct);
        }

        var list = await client.GetJsonAsync(FerryApi.Jobs);
        var job = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}");

        Assert.Equal(jobId, Assert.Single(list.Items()).GetProperty("id").GetGuid());
        Assert.Equal("skip", job.GetProperty("conflict_strategy").GetString());
        Assert.Equal("failed", job.GetProperty("status").GetString());
        using var delete = await client.DeleteAsync($"{FerryApi.Jobs}/{jobId}", Ct);
        await FerryApi.ExpectAsync(delete, HttpStatusCode.NoContent);
    }

    [Theory]
    [InlineData("name", 201)]
    [InlineData("description", 2001)]
    public async Task A_job_field_longer_than_its_limit_is_refused_naming_the_field(string field, int length)
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var body = new Dictionary<string, object> { ["name"] = "Customers", ["data_types"] = new[] { "contacts" }, [field] = new string('x', length) };

        using var created = await client.PostAsJsonAsync(FerryApi.Jobs, body, Ct);

        var problem = await FerryApi.ExpectProblemAsync(created, HttpStatusCode.BadRequest, "MIG012");
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(0, (await client.GetJsonAsync(FerryApi.Jobs)).Total());
    }

    [Fact]
    public async Task A_one_megabyte_name_is_refused_on_update_too()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");

        using var updated = await client.PutAsJsonAsync($"{FerryApi.Jobs}/{jobId}", new { name = new string('n', 1024 * 1024) }, Ct);

        var problem = await FerryApi.ExpectProblemAsync(updated, HttpStatusCode.BadRequest, "MIG012");
        Assert.Equal("name", problem.GetProperty("field").GetString());
        Assert.True(problem.ToString().Length < 2_000, "the problem does not echo the huge value");
    }

    [Fact]
    public async Task A_mapping_rule_longer_than_its_limit_is_refused()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");
        await client.UploadCsvAsync(jobId, TestData.Csv("Customer Name,City", "Acme,Pune"));

        using var created = await client.PostAsJsonAsync($"{FerryApi.Jobs}/{jobId}/mappings",
            new { source_field = "Customer Name", target_field = "display_name", transformation_rule = string.Join('|', Enumerable.Repeat("trim", 300)) }, Ct);

        var problem = await FerryApi.ExpectProblemAsync(created, HttpStatusCode.BadRequest, "MIG012");
        Assert.Equal("transformation_rule", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Every_text_field_of_every_request_body_has_a_length_limit()
    {
        var sources = app.Services.GetRequiredService<EndpointDataSource>();
        var bodies = sources.Endpoints
            .Select(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType)
            .OfType<Type>()
            .Distinct()
            .ToList();

        var unbounded = bodies.SelectMany(UnboundedTextOf).ToList();

        Assert.NotEmpty(bodies);
        Assert.Empty(unbounded);
    }

    static IEnumerable<string> UnboundedTextOf(Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType == typeof(string)
                && property.GetCustomAttribute<StringLengthAttribute>() is null && property.GetCustomAttribute<MaxLengthAttribute>() is null)
            {
                yield return $"{type.Name}.{property.Name}";
            }
            if (property.PropertyType.IsClass && property.PropertyType.Namespace?.StartsWith("Ferry", StringComparison.Ordinal) == true)
            {
                foreach (var nested in UnboundedTextOf(property.PropertyType))
                {
                    yield return nested;
                }
            }
        }
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_bad_request_with_a_code()
    {
        using var client = await app.ClientOfNewOrganizationAsync();

        using var broken = await client.PostAsync(FerryApi.Jobs, Json("""{"name": "x", """), Ct);
        using var wrongKind = await client.PostAsync(FerryApi.Jobs, Json("""{"name":"x","batch_size":"lots"}"""), Ct);
        using var tooBig = await client.PostAsync(FerryApi.Jobs, Json("""{"name":"x","batch_size":2147483648}"""), Ct);
        using var plainText = await client.PostAsync(FerryApi.Jobs, new StringContent("name=x", Encoding.UTF8, "text/plain"), Ct);

        await FerryApi.ExpectProblemAsync(broken, HttpStatusCode.BadRequest, "MIG012");
        var kind = await FerryApi.ExpectProblemAsync(wrongKind, HttpStatusCode.BadRequest, "MIG012");
        Assert.Equal("batch_size", kind.GetProperty("field").GetString());
        Assert.Contains("whole number", kind.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("batch_size", (await FerryApi.ExpectProblemAsync(tooBig, HttpStatusCode.BadRequest, "MIG012")).GetProperty("field").GetString());
        await FerryApi.ExpectProblemAsync(plainText, HttpStatusCode.UnsupportedMediaType, "MIG012");
    }

    [Fact]
    public async Task Not_found_answers_carry_an_error_code()
    {
        using var client = await app.ClientOfNewOrganizationAsync();

        using var noJob = await client.GetAsync($"{FerryApi.Jobs}/{Guid.NewGuid()}", Ct);
        using var noRoute = await client.GetAsync("/api/v1/migration/nothing-here", Ct);
        using var badId = await client.GetAsync($"{FerryApi.Jobs}/not-a-guid/progress", Ct);

        await FerryApi.ExpectProblemAsync(noJob, HttpStatusCode.NotFound, "MIG013");
        await FerryApi.ExpectProblemAsync(noRoute, HttpStatusCode.NotFound, "MIG013");
        await FerryApi.ExpectProblemAsync(badId, HttpStatusCode.NotFound, "MIG013");
    }

    [Theory]
    [InlineData("/api/v1/migration/jobs")]
    [InlineData("/api/v1/erp/contacts")]
    public async Task A_page_far_past_the_end_is_empty_and_does_not_wrap_to_the_first(string list)
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        await client.ImportAsync("contacts", TestData.Csv("Customer Name,City", $"Paging {TestData.Tag()},Pune"));

        var far = await client.GetJsonAsync($"{list}?page=2147483647&page_size=500");
        var first = await client.GetJsonAsync($"{list}?page=1&page_size=500");

        Assert.Empty(far.Items());
        Assert.Equal(2147483647, far.GetProperty("page").GetInt32());
        Assert.Equal(first.Total(), far.Total());
        Assert.NotEmpty(first.Items());
    }

    [Fact]
    public async Task The_job_list_carries_summaries_without_file_profiles()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");
        await client.UploadCsvAsync(jobId, TestData.Csv("Customer Name,City", "Acme,Pune"), "customers.csv");

        var listed = Assert.Single((await client.GetJsonAsync(FerryApi.Jobs)).Items());

        Assert.Equal("customers.csv", listed.GetProperty("file_name").GetString());
        Assert.False(listed.TryGetProperty("file", out _));
        Assert.False(listed.TryGetProperty("validation", out _));
        Assert.Equal("uploaded", listed.GetProperty("status").GetString());
    }

    static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
