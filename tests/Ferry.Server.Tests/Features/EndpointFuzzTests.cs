using Ferry.Data;
using Ferry.Server.Features.Jobs;
using Ferry.Server.Tests.Features.Fuzz;
using Ferry.Server.Tests.Infrastructure;
using Ferry.Tests.Fixtures;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ferry.Server.Tests.Features;

/// <summary>
/// Every endpoint the app maps, found through its EndpointDataSource so a new one is fuzzed without being listed here,
/// takes hostile ids, query values, body fields and malformed bodies from the seeded super admin. No answer is a 5xx,
/// every 4xx is a problem with an error_code, and afterwards every list and every read of every job still answers.
/// </summary>
public sealed class EndpointFuzzTests(FerryApp app) : IClassFixture<FerryApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    IReadOnlyList<FuzzedEndpoint> Endpoints() => FuzzedEndpoint.All(app.Services.GetRequiredService<EndpointDataSource>());

    [Fact]
    public void The_enumeration_finds_the_endpoints_with_their_bodies_and_query_parameters()
    {
        var endpoints = Endpoints();

        Assert.True(endpoints.Count >= 25, $"Only {endpoints.Count} endpoints were found: {string.Join(", ", endpoints)}");
        Assert.Contains(endpoints, e => e.ToString() == "POST /api/v1/migration/jobs" && e.BodyType == typeof(CreateJobRequest));
        Assert.Contains(endpoints, e => e.ToString() == "POST /api/v1/migration/jobs/{jobId:guid}/upload" && e.ReadsForm);
        Assert.Contains(endpoints, e => e.ToString() == "GET /api/v1/migration/jobs" && e.Query.Select(q => q.Name).Order(StringComparer.Ordinal).SequenceEqual(["page", "page_size", "status"]));
        Assert.Contains(endpoints, e => e.ToString() == "GET /api/v1/erp/contacts" && e.Query.Any(q => q.Name == "job_id"));
        Assert.Contains(BodyField.Of(typeof(CreateJobRequest)), f => f.Path == "options.adjustment_ledger");
        Assert.Contains(BodyField.Of(typeof(CreateJobRequest)), f => f.Path == "data_types[0]");
    }

    [Fact]
    public async Task No_hostile_request_gets_a_server_error_or_a_problem_without_an_error_code_and_every_read_still_answers()
    {
        using var tally = new TallyStandIn();
        tally.Open(SampleBodies.TallyCompany, new DateOnly(2024, 4, 1));
        using var client = await app.AdminClientAsync();
        var endpoints = Endpoints();
        var reads = endpoints.Where(e => e.Method == "GET").ToList();
        var fuzzer = new EndpointFuzzer(client, tally.Host, tally.Port);

        try
        {
            var before = await fuzzer.ReadFixtureAsync(reads);
            foreach (var endpoint in endpoints)
            {
                await fuzzer.FuzzAsync(endpoint);
            }
            await fuzzer.ExpectReadsAsync(reads, before, await JobsOfTheAdminsOrganizationAsync());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Assert.Fail($"{FuzzFinding.Report(fuzzer.Findings, fuzzer.Requests)}The fuzz stopped early: {e}");
        }

        Assert.True(fuzzer.Findings.Count == 0, FuzzFinding.Report(fuzzer.Findings, fuzzer.Requests));
    }

    /// <summary>Straight from the database, so a job the API can no longer list is still read one by one.</summary>
    async Task<IReadOnlyList<Guid>> JobsOfTheAdminsOrganizationAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FerryDbContext>();
        var organization = await db.Users.IgnoreQueryFilters([FerryDbContext.TenantFilter])
            .Where(u => u.Email == FerryApp.AdminEmail).Select(u => u.OrganizationId).SingleAsync(Ct);
        return await db.Jobs.IgnoreQueryFilters([FerryDbContext.TenantFilter])
            .Where(j => j.OrganizationId == organization).OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(Ct);
    }
}
