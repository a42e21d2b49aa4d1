using Ferry.Data;
using Ferry.Server.Tests.Infrastructure;
using Ferry.Tests.Fixtures;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ferry.Server.Tests.Features.Fuzz;

/// <summary>The whole fuzz against one server: every endpoint in turn, then every read of what is left.</summary>
public static class FuzzRun
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static IReadOnlyList<FuzzedEndpoint> EndpointsOf(FerryApp app) => FuzzedEndpoint.All(app.Services.GetRequiredService<EndpointDataSource>());

    /// <summary>Fails with every finding at once, grouped by the rule it broke, or with those found so far if the fuzz itself broke down.</summary>
    public static async Task AssertEveryEndpointHoldsAsync(FerryApp app)
    {
        using var tally = new TallyStandIn();
        tally.Open(SampleBodies.TallyCompany, new DateOnly(2024, 4, 1));
        using var client = await app.AdminClientAsync();
        var endpoints = EndpointsOf(app);
        var reads = endpoints.Where(e => e.Method == "GET").ToList();
        var fuzzer = new EndpointFuzzer(client, tally.Host, tally.Port);

        try
        {
            var before = await fuzzer.ReadFixtureAsync(reads);
            foreach (var endpoint in endpoints)
            {
                await fuzzer.FuzzAsync(endpoint);
            }
            await fuzzer.ExpectReadsAsync(reads, before, await JobsOfTheAdminsOrganizationAsync(app));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Assert.Fail($"{FuzzFinding.Report(fuzzer.Findings, fuzzer.Requests)}The fuzz stopped early: {e}");
        }

        Assert.True(fuzzer.Findings.Count == 0, FuzzFinding.Report(fuzzer.Findings, fuzzer.Requests));
    }

    /// <summary>Straight from the database, so a job the API can no longer list is still read one by one.</summary>
    static async Task<IReadOnlyList<Guid>> JobsOfTheAdminsOrganizationAsync(FerryApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FerryDbContext>();
        var organization = await db.Users.IgnoreQueryFilters([FerryDbContext.TenantFilter])
            .Where(u => u.Email == FerryApp.AdminEmail).Select(u => u.OrganizationId).SingleAsync(Ct);
        return await db.Jobs.IgnoreQueryFilters([FerryDbContext.TenantFilter])
            .Where(j => j.OrganizationId == organization).OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(Ct);
    }
}
