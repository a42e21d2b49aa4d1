using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ferry.Core.Rules;
using Ferry.Data.Runs;
using Ferry.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ferry.Server.Tests.Features.Mappings;

/// <summary>Regular expressions in validation rules: none can stall a dry run or an execution, and unsafe ones are refused on save.</summary>
public sealed class RegexRuleTests(ApiOnlyFerryApp app) : IClassFixture<ApiOnlyFerryApp>
{
    static readonly string Catastrophic = new string('a', 40) + "!";

    /// <summary>Polynomial for the backtracking engine, which the lookahead requires: far over 100 ms on the value below.</summary>
    const string SlowPattern = @"^(?=1)\d*\w*\d*\w*\d*\w*$";

    static readonly string SlowValue = new string('1', 250) + "!";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A contacts job over "Customer Name,Branch" rows, with Branch mapped to billing_line2 under the rule.</summary>
    static async Task<Guid> JobWithRuleAsync(HttpClient client, string rule, params string[] branches)
    {
        var tag = TestData.Tag();
        var jobId = await client.CreateJobIdAsync("contacts");
        await client.UploadCsvAsync(jobId, TestData.Csv(["Customer Name,Branch", .. branches.Select((b, i) => $"Customer {i} {tag},{b}")]));
        await client.AutoMapAsync(jobId);
        using var created = await client.PostAsJsonAsync($"{FerryApi.Jobs}/{jobId}/mappings",
            new { source_field = "Branch", target_field = "billing_line2", validation_rule = rule }, Ct);
        await FerryApi.ExpectAsync(created, HttpStatusCode.Created);
        return jobId;
    }

    async Task<JsonElement> ExecuteAndRunAsync(HttpClient client, Guid jobId)
    {
        await client.ExecuteAsync(jobId);
        await app.Services.GetRequiredService<JobWorker>().RunUntilIdleAsync(Ct);
        return await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/progress");
    }

    static JsonElement[] Errors(JsonElement report) =>
        [.. report.GetProperty("issues").EnumerateArray().Where(i => i.GetProperty("severity").GetString() == "error")];

    [Fact]
    public async Task A_catastrophic_pattern_fails_only_the_records_it_rejects_in_validation_and_execution()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await JobWithRuleAsync(client, "regex:^(a+)+$", "aaaa", Catastrophic, Catastrophic);

        var report = await client.ValidateAsync(jobId);

        Assert.Equal(1, report.GetProperty("records_valid").GetInt64());
        Assert.Equal(2, report.GetProperty("records_invalid").GetInt64());
        var errors = Errors(report);
        Assert.Equal(["row 3", "row 4"], errors.Select(e => e.GetProperty("location").GetString()));
        Assert.All(errors, e =>
        {
            Assert.Equal("MIG004", e.GetProperty("error_code").GetString());
            Assert.Equal("billing_line2", e.GetProperty("field").GetString());
            Assert.Equal("billing_line2 does not match the pattern ^(a+)+$", e.GetProperty("message").GetString());
        });

        var progress = await ExecuteAndRunAsync(client, jobId);

        Assert.Equal("completed_with_errors", progress.GetProperty("status").GetString());
        Assert.Equal(1, progress.GetProperty("records_succeeded").GetInt64());
        Assert.Equal(2, progress.GetProperty("records_failed").GetInt64());
        var logged = (await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/logs?level=error")).Items().ToList();
        Assert.Equal(["MIG004", "MIG004"], logged.Select(l => l.GetProperty("error_code").GetString()));
        Assert.All(logged, l => Assert.Contains("^(a+)+$", l.GetProperty("message").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_value_that_takes_too_long_to_check_fails_its_record_with_MIG004_and_never_the_job()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await JobWithRuleAsync(client, $"regex:{SlowPattern}", "12", SlowValue);

        var report = await client.ValidateAsync(jobId);

        var error = Assert.Single(Errors(report));
        Assert.Equal("MIG004", error.GetProperty("error_code").GetString());
        Assert.Equal("row 3", error.GetProperty("location").GetString());
        Assert.Equal($"billing_line2 could not be checked against 'regex:{SlowPattern}' within 100 ms", error.GetProperty("message").GetString());

        var progress = await ExecuteAndRunAsync(client, jobId);

        Assert.Equal("completed_with_errors", progress.GetProperty("status").GetString());
        Assert.Equal(1, progress.GetProperty("records_succeeded").GetInt64());
        Assert.Equal(1, progress.GetProperty("records_failed").GetInt64());
        var logged = Assert.Single((await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/logs?level=error")).Items());
        Assert.Equal("MIG004", logged.GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task A_pattern_that_needs_backtracking_but_cannot_blow_up_still_checks_values()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await JobWithRuleAsync(client, @"regex:^(?=.*\d)[A-Z0-9]+$", "BR12", "BRANCH");

        var report = await client.ValidateAsync(jobId);

        var error = Assert.Single(Errors(report));
        Assert.Equal("row 3", error.GetProperty("location").GetString());
        Assert.Equal(@"billing_line2 does not match the pattern ^(?=.*\d)[A-Z0-9]+$", error.GetProperty("message").GetString());
    }

    public static TheoryData<string, string> UnsafeRules => new()
    {
        { "regex:^(?=a)(a+)+$", "'(a+)+'" },
        { @"required|regex:(\w+\s?){20}\1", @"'(\w+\s?){20}'" },
        { "regex:" + new string('a', RulePattern.MaxLength + 1), $"at most {RulePattern.MaxLength}" },
    };

    [Theory]
    [MemberData(nameof(UnsafeRules))]
    public async Task An_unsafe_pattern_is_refused_with_MIG010_when_a_mapping_is_created_or_updated(string rule, string explanation)
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await JobWithRuleAsync(client, "regex:^[A-Z]+$", "BR");
        var mappings = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/mappings");
        var branch = Assert.Single(mappings.GetProperty("mappings").EnumerateArray(), m => m.GetProperty("target_field").GetString() == "billing_line2");

        using var created = await client.PostAsJsonAsync($"{FerryApi.Jobs}/{jobId}/mappings",
            new { source_field = "Branch", target_field = "billing_line1", validation_rule = rule }, Ct);
        using var updated = await client.PutAsJsonAsync($"/api/v1/migration/mappings/{branch.GetProperty("id").GetGuid()}",
            new { source_field = "Branch", target_field = "billing_line2", validation_rule = rule }, Ct);

        foreach (var response in new[] { created, updated })
        {
            var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity, "MIG010");
            Assert.Contains(explanation, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(mappings.ToString(), (await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/mappings")).ToString());
    }
}
