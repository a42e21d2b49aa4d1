using Ferry.Core;
using Ferry.Sources.Tally.Live;

namespace Ferry.Sources.Tests.Tally.Live;

public sealed class TallyServerTests
{
    [Theory]
    [InlineData("localhost", 9000, "http://localhost:9000/")]
    [InlineData("192.168.1.20", 9001, "http://192.168.1.20:9001/")]
    [InlineData("::1", 9000, "http://[::1]:9000/")]
    public void A_host_and_port_make_the_address_requests_are_posted_to(string host, int port, string address)
    {
        var server = new TallyServer(host, port).Validate();

        Assert.Equal(new Uri(address), server.BaseAddress);
    }

    [Fact]
    public void Tally_listens_on_9000_unless_told_otherwise() =>
        Assert.Equal(new Uri("http://tally-pc:9000/"), new TallyServer("tally-pc").BaseAddress);

    [Theory]
    [InlineData("", 9000)]
    [InlineData("   ", 9000)]
    [InlineData("http://localhost", 9000)]
    [InlineData("localhost/tally", 9000)]
    [InlineData("tally pc", 9000)]
    [InlineData("localhost:9000", 9000)]
    [InlineData("localhost", 0)]
    [InlineData("localhost", 65536)]
    public void A_host_or_port_no_connection_can_use_is_INT004(string host, int port)
    {
        var error = Assert.Throws<FerryException>(() => new TallyServer(host, port).Validate());

        Assert.Equal(ErrorCodes.IntegrationInvalidConfiguration, error.ErrorCode);
    }

    [Fact]
    public void A_client_is_not_made_for_a_server_that_cannot_be_reached()
    {
        var error = Assert.Throws<FerryException>(() => new TallyClient(new HttpClient(), new TallyServer("localhost", -1)));

        Assert.Equal(ErrorCodes.IntegrationInvalidConfiguration, error.ErrorCode);
        Assert.Contains("-1", error.Message, StringComparison.Ordinal);
    }
}
