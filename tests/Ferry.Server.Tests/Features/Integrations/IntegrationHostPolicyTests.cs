using Ferry.Core;
using Ferry.Server.Features.Integrations;
using Ferry.Sources.Tally.Live;
using Ferry.Tests.Fixtures;

namespace Ferry.Server.Tests.Features.Integrations;

public sealed class IntegrationHostPolicyTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static IntegrationHostPolicy Policy(bool allowPrivateNetworks = true, params string[] allowedHosts) =>
        new(new IntegrationOptions { AllowPrivateNetworks = allowPrivateNetworks, AllowedHosts = [.. allowedHosts] });

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.9.8.7", "loopback")]
    [InlineData("localhost", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("[::1]", "loopback")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("0.0.0.0", "not the address of one computer")]
    [InlineData("224.0.0.1", "not the address of one computer")]
    [InlineData("169.254.10.1", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("169.254.169.254", "cloud metadata")]
    [InlineData("fd00:ec2::254", "cloud metadata")]
    [InlineData("64:ff9b::a9fe:a9fe", "cloud metadata")]
    [InlineData("100.100.100.200", "cloud metadata")]
    [InlineData("metadata.google.internal", "cloud metadata")]
    public async Task Hosts_that_reach_this_server_or_its_cloud_are_INT004_naming_the_setting_that_allows_them(string host, string what)
    {
        var error = await Assert.ThrowsAsync<FerryException>(() => Policy().CheckAsync(host, Ct));

        Assert.Equal((ErrorCodes.IntegrationInvalidConfiguration, "host"), (error.ErrorCode, error.Field));
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
        Assert.Contains("Integrations:AllowedHosts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("192.168.1.20")]
    [InlineData("10.0.0.5")]
    [InlineData("172.16.4.2")]
    [InlineData("100.64.1.2")]
    [InlineData("fd12:3456::1")]
    [InlineData("203.0.113.7")]
    [InlineData("tally-pc.invalid")]
    public async Task LAN_and_public_hosts_and_names_that_do_not_resolve_yet_are_allowed_by_default(string host) =>
        await Policy().CheckAsync(host, Ct);

    [Theory]
    [InlineData("192.168.1.20")]
    [InlineData("10.0.0.5")]
    [InlineData("fd12:3456::1")]
    public async Task Private_networks_turned_off_are_INT004_naming_that_setting(string host)
    {
        var error = await Assert.ThrowsAsync<FerryException>(() => Policy(allowPrivateNetworks: false).CheckAsync(host, Ct));

        Assert.Equal(ErrorCodes.IntegrationInvalidConfiguration, error.ErrorCode);
        Assert.Contains("Integrations:AllowPrivateNetworks", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("127.0.0.0/8", "127.4.5.6")]
    [InlineData("127.0.0.1", "::ffff:127.0.0.1")]
    [InlineData("localhost", "localhost")]
    [InlineData("169.254.169.254", "169.254.169.254")]
    [InlineData("10.1.0.0/16", "10.1.2.3")]
    [InlineData("[::1]", "::1")]
    public async Task Hosts_an_administrator_lists_are_allowed(string entry, string host) =>
        await Policy(allowPrivateNetworks: false, entry).CheckAsync(host, Ct);

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.2")]
    [InlineData("10.1.0.0/16", "10.2.0.1")]
    public async Task A_listed_host_allows_no_other_address(string entry, string host) =>
        await Assert.ThrowsAsync<FerryException>(() => Policy(allowPrivateNetworks: false, entry).CheckAsync(host, Ct));

    [Theory]
    [InlineData("not a host!")]
    [InlineData("10.0.0.0/33")]
    [InlineData("http://tally:9000")]
    public void An_allowed_host_that_is_no_name_address_or_range_stops_the_server_at_start_up(string entry)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Policy(true, entry));

        Assert.Contains("Integrations:AllowedHosts", error.Message, StringComparison.Ordinal);
        Assert.Contains(entry, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_checks_the_addresses_it_connects_to_so_stored_settings_cannot_get_around_it()
    {
        using var tally = new TallyStandIn();
        tally.Open("Acme Traders", new DateOnly(2024, 4, 1));
        using var refusing = new HttpClient(Policy().Handler());
        using var allowing = new HttpClient(Policy(true, "127.0.0.1").Handler());

        var error = await Assert.ThrowsAsync<FerryException>(() =>
            new TallyClient(refusing, new TallyServer("localhost", tally.Port)).ListCompaniesAsync(Ct));
        Assert.Equal((ErrorCodes.IntegrationInvalidConfiguration, "host"), (error.ErrorCode, error.Field));
        Assert.Empty(tally.Requests);

        var companies = await new TallyClient(allowing, new TallyServer("127.0.0.1", tally.Port)).ListCompaniesAsync(Ct);
        Assert.Equal(["Acme Traders"], companies.Select(c => c.Name));
    }

    [Fact]
    public void The_handler_neither_follows_redirects_nor_goes_through_a_proxy()
    {
        using var handler = Policy().Handler();

        Assert.Equal((false, false), (handler.AllowAutoRedirect, handler.UseProxy));
    }
}
