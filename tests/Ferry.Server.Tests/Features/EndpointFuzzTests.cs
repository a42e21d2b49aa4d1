using Ferry.Server.Features.Jobs;
using Ferry.Server.Tests.Features.Fuzz;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features;

/// <summary>
/// Every endpoint the app maps, found through its EndpointDataSource so a new one is fuzzed without being listed here,
/// takes hostile ids, query values, body fields and malformed bodies from the seeded super admin. No answer is a 5xx,
/// every 4xx is a problem with an error_code, and afterwards every list and every read of every job still answers.
/// </summary>
public sealed class EndpointFuzzTests(FerryApp app) : IClassFixture<FerryApp>
{
    [Fact]
    public void The_enumeration_finds_the_endpoints_with_their_bodies_and_query_parameters()
    {
        var endpoints = FuzzRun.EndpointsOf(app);

        Assert.True(endpoints.Count >= 25, $"Only {endpoints.Count} endpoints were found: {string.Join(", ", endpoints)}");
        Assert.Contains(endpoints, e => e.ToString() == "POST /api/v1/migration/jobs" && e.BodyType == typeof(CreateJobRequest));
        Assert.Contains(endpoints, e => e.ToString() == "POST /api/v1/migration/jobs/{jobId:guid}/upload" && e.ReadsForm);
        Assert.Contains(endpoints, e => e.ToString() == "GET /api/v1/migration/jobs" && e.Query.Select(q => q.Name).Order(StringComparer.Ordinal).SequenceEqual(["page", "page_size", "status"]));
        Assert.Contains(endpoints, e => e.ToString() == "GET /api/v1/erp/contacts" && e.Query.Any(q => q.Name == "job_id"));
        Assert.Contains(BodyField.Of(typeof(CreateJobRequest)), f => f.Path == "options.adjustment_ledger");
        Assert.Contains(BodyField.Of(typeof(CreateJobRequest)), f => f.Path == "data_types[0]");
    }

    [Fact]
    public Task No_hostile_request_gets_a_server_error_or_a_problem_without_an_error_code_and_every_read_still_answers() =>
        FuzzRun.AssertEveryEndpointHoldsAsync(app);
}
