using System.Net;
using System.Net.Http.Json;
using Ferry.Core.Integrations;
using Ferry.Data;
using Ferry.Server.Tests.Infrastructure;
using Ferry.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Ferry.Server.Tests.Features.Integrations;

/// <summary>A server with the default host policy: loopback, where the Tally stand-ins listen, is not among its allowed hosts.</summary>
public sealed class LoopbackRefusedFerryApp() : FerryApp(new() { ["Integrations:AllowedHosts:0"] = "192.0.2.10" });

/// <summary>An organization's admin cannot point Ferry at this server itself, its link-local neighbours or its cloud's metadata.</summary>
public sealed class TallyHostTests(LoopbackRefusedFerryApp app) : IClassFixture<LoopbackRefusedFerryApp>
{
    const string Settings = "/api/v1/integration-settings/tally";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("::1")]
    [InlineData("169.254.169.254")]
    [InlineData("metadata.google.internal")]
    public async Task Settings_naming_this_server_or_its_cloud_are_INT004_naming_the_setting_and_not_saved(string host)
    {
        using var client = await app.ClientOfNewOrganizationAsync();

        using var response = await client.PutAsJsonAsync(Settings, new { host, port = 9000 }, Ct);

        var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity, "INT004");
        Assert.Equal("host", problem.GetProperty("field").GetString());
        Assert.Contains("Integrations:AllowedHosts", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False((await client.GetJsonAsync(Settings)).GetProperty("configured").GetBoolean());
    }

    [Fact]
    public async Task Settings_naming_a_computer_on_the_LAN_are_saved()
    {
        using var client = await app.ClientOfNewOrganizationAsync();

        using var response = await client.PutAsJsonAsync(Settings, new { host = "192.168.1.20", port = 9000 }, Ct);

        await FerryApi.ExpectAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Stored_settings_naming_loopback_are_refused_when_connecting_and_Tally_is_never_asked()
    {
        using var tally = new TallyStandIn();
        tally.Open("Acme Traders", new DateOnly(2024, 4, 1));
        var tag = TestData.Tag().ToLowerInvariant();
        var organizationId = await app.AddOrganizationAsync($"org-{tag}", $"user-{tag}@ferry.test", $"Password-{tag}");
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FerryDbContext>();
            db.IntegrationSettings.Add(new IntegrationSetting
            {
                OrganizationId = organizationId, Integration = IntegrationSetting.Tally, Host = tally.Host, Port = tally.Port,
                Company = "Acme Traders", UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
        }
        using var client = await app.SignedInClientAsync($"user-{tag}@ferry.test", $"Password-{tag}");
        var jobId = await client.CreateJobIdAsync("vouchers");

        using var test = await client.PostAsync($"{Settings}/test", null, Ct);
        using var sync = await client.PostAsJsonAsync($"{FerryApi.Jobs}/{jobId}/tally/sync", new { from_date = "2024-04-01", to_date = "2025-03-31" }, Ct);

        await FerryApi.ExpectProblemAsync(test, HttpStatusCode.UnprocessableEntity, "INT004");
        var problem = await FerryApi.ExpectProblemAsync(sync, HttpStatusCode.UnprocessableEntity, "INT004");
        Assert.Contains("loopback", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(tally.Requests);
        Assert.Equal("draft", await client.StatusOfAsync(jobId));
    }
}
