using Ferry.Server.Tests.Features.Fuzz;

namespace Ferry.Server.Tests.Features;

/// <summary>The endpoint fuzz again over PostgreSQL, where an over-long or NUL-bearing string reaches a database that refuses it.</summary>
public sealed class EndpointFuzzOnPostgresTests(PostgresFerryApp app) : IClassFixture<PostgresFerryApp>
{
    [Fact]
    public async Task No_hostile_request_gets_a_server_error_or_a_problem_without_an_error_code_and_every_read_still_answers()
    {
        Assert.SkipWhen(PostgresFerryApp.ServerConnectionString is null, $"{PostgresFerryApp.ServerVariable} is not set; the PostgreSQL fuzz is skipped (scripts/test.sh starts a server and sets it).");

        await FuzzRun.AssertEveryEndpointHoldsAsync(app);
    }
}
