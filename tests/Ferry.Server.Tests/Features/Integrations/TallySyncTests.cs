using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ferry.Server.Tests.Infrastructure;
using Ferry.Tests.Fixtures;
using static Ferry.Tests.Fixtures.TallyXmlBuilder;

namespace Ferry.Server.Tests.Features.Integrations;

/// <summary>
/// A running Tally, stood in for on loopback: its settings are saved, "test connection" lists its open companies, and a
/// sync pulls masters and the day book of a period into a job that then imports like an uploaded export.
/// </summary>
public sealed class TallySyncTests(FerryApp app) : IClassFixture<FerryApp>
{
    const string Settings = "/api/v1/integration-settings/tally";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static TallyStandIn Tally()
    {
        var tally = new TallyStandIn();
        tally.Open("Acme Traders", new DateOnly(2024, 4, 1))
            .Masters(Group("Sundry Debtors", "Current Assets", revenue: false, deemedPositive: true, reserved: "Sundry Debtors"))
            .Masters(Ledger("Globex Retail", "Sundry Debtors", opening: -1000m), Ledger("Cash", "Cash-in-Hand", opening: -500m), Ledger("Sales", "Sales Accounts"),
                Ledger("Capital", "Capital Account", opening: 1500m))
            .Voucher(Voucher("Sales", "S-1", "20240405", "Globex Retail",
                [LedgerEntry("Globex Retail", -1180m, deemedPositive: true), LedgerEntry("Sales", 1180m, deemedPositive: false)]))
            .Voucher(Voucher("Receipt", "R-1", "20240410", "Globex Retail",
                [LedgerEntry("Cash", -1180m, deemedPositive: true), LedgerEntry("Globex Retail", 1180m, deemedPositive: false)]))
            .Voucher(Voucher("Sales", "S-2", "20250405", "Globex Retail",
                [LedgerEntry("Globex Retail", -99m, deemedPositive: true), LedgerEntry("Sales", 99m, deemedPositive: false)]));
        return tally;
    }

    [Fact]
    public async Task A_sync_pulls_the_masters_and_the_period_s_day_book_and_imports_them()
    {
        using var tally = Tally();
        using var client = await app.ClientOfNewOrganizationAsync();
        await FerryApi.ExpectAsync(await client.PutAsJsonAsync(Settings, new { host = tally.Host, port = tally.Port, company = "Acme Traders" }, Ct), HttpStatusCode.OK);

        var test = await FerryApi.ReadJsonAsync(await client.PostAsync($"{Settings}/test", null, Ct));
        Assert.True(test.GetProperty("company_open").GetBoolean());
        Assert.Equal(["Acme Traders"], test.GetProperty("companies").EnumerateArray().Select(c => c.GetProperty("name").GetString()));

        var jobId = await client.CreateJobIdAsync("vouchers");
        using var sync = await client.PostAsJsonAsync($"{FerryApi.Jobs}/{jobId}/tally/sync", new { from_date = "2024-04-01", to_date = "2025-03-31" }, Ct);
        await FerryApi.ExpectAsync(sync, HttpStatusCode.OK);
        var job = await sync.ReadJsonAsync();
        Assert.Equal(("uploaded", "tally"), (job.GetProperty("status").GetString(), job.GetProperty("source_type").GetString()));
        Assert.Equal(2, job.GetProperty("file").GetProperty("books").GetProperty("entities").GetProperty("vouchers").GetInt64());
        Assert.Contains(tally.Requests, r => r.FromDate == "20240401" && r.ToDate == "20250331");

        await FerryApi.ExpectAsync(await client.PutAsJsonAsync($"{FerryApi.Jobs}/{jobId}", new { data_types = new[] { "ledgers", "vouchers" } }, Ct), HttpStatusCode.OK);
        await client.AutoMapAsync(jobId);
        await client.ExecuteAsync(jobId);
        var progress = await client.WaitUntilFinishedAsync(jobId);
        Assert.Equal("completed", progress.GetProperty("status").GetString());

        var reconciliation = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/reconciliation");
        Assert.True(reconciliation.GetProperty("matches").GetBoolean(), reconciliation.ToString());
        var sales = reconciliation.GetProperty("vouchers_by_type").GetProperty("Sales").GetProperty("erp");
        Assert.Equal((1L, 1180m), (sales.GetProperty("count").GetInt64(), sales.GetProperty("debit").GetDecimal()));
        Assert.Equal(2, (await client.ErpAsync("vouchers")).Total());
    }

    [Fact]
    public async Task Test_connection_to_a_port_nothing_listens_on_is_INT008_and_names_the_server()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var port = TallyStandIn.ClosedPort();

        var detail = await TestConnectionDetailAsync(client, port);

        Assert.Contains($"127.0.0.1:{port}", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "text/html", "<html><body>401 Login to the secret-admin console</body></html>")]
    [InlineData(HttpStatusCode.Forbidden, "text/plain", "forbidden by secret-proxy")]
    [InlineData(HttpStatusCode.NotFound, "application/json", "{\"error\":\"secret-route not found\"}")]
    [InlineData(HttpStatusCode.InternalServerError, "text/html", "<html>secret-stack trace</html>")]
    [InlineData(HttpStatusCode.OK, "text/html", "<!DOCTYPE html><html><head><title>secret-wiki</title></head></html>")]
    [InlineData(HttpStatusCode.OK, "text/xml", "<ENVELOPE-NOT><secret-data/></ENVELOPE-NOT>")]
    public async Task Test_connection_to_another_web_server_is_the_same_INT008_as_a_closed_port(HttpStatusCode status, string contentType, string body)
    {
        using var other = new OtherWebServer(status, contentType, body);
        using var client = await app.ClientOfNewOrganizationAsync();
        var closedPort = TallyStandIn.ClosedPort();

        var answered = await TestConnectionDetailAsync(client, other.Port);
        var closed = await TestConnectionDetailAsync(client, closedPort);

        Assert.Equal(closed.Replace(Invariant(closedPort), "PORT", StringComparison.Ordinal), answered.Replace(Invariant(other.Port), "PORT", StringComparison.Ordinal));
        Assert.DoesNotContain("secret", answered, StringComparison.Ordinal);
        Assert.DoesNotContain(Invariant((int)status), answered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("host", 254)]
    [InlineData("company", 201)]
    [InlineData("company", 1024 * 1024)]
    public async Task Settings_with_an_overlong_field_are_400_MIG012_naming_it_and_not_saved(string field, int length)
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var settings = new Dictionary<string, object> { ["host"] = "192.168.1.20", ["port"] = 9000, ["company"] = "Acme Traders" };
        settings[field] = new string('a', length);

        using var response = await client.PutAsJsonAsync(Settings, settings, Ct);

        var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "MIG012");
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.False((await client.GetJsonAsync(Settings)).GetProperty("configured").GetBoolean());
    }

    [Fact]
    public async Task Settings_at_the_longest_host_and_company_are_saved()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var host = $"{new string('h', 63)}.{new string('h', 63)}.{new string('h', 63)}.{new string('h', 53)}.invalid";
        var company = new string('c', 200);

        using var response = await client.PutAsJsonAsync(Settings, new { host, port = 9000, company }, Ct);

        await FerryApi.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal(company, (await client.GetJsonAsync(Settings)).GetProperty("company").GetString());
    }

    [Fact]
    public async Task A_sync_naming_a_1_MB_company_is_400_MIG012_and_asks_nothing_of_Tally()
    {
        using var tally = Tally();
        using var client = await app.ClientOfNewOrganizationAsync();
        await FerryApi.ExpectAsync(await client.PutAsJsonAsync(Settings, new { host = tally.Host, port = tally.Port }, Ct), HttpStatusCode.OK);
        var jobId = await client.CreateJobIdAsync("vouchers");

        using var response = await client.PostAsJsonAsync($"{FerryApi.Jobs}/{jobId}/tally/sync",
            new { from_date = "2024-04-01", to_date = "2025-03-31", company = new string('a', 1024 * 1024) }, Ct);

        var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "MIG012");
        Assert.Equal("company", problem.GetProperty("field").GetString());
        Assert.Empty(tally.Requests);
        Assert.Equal("draft", await client.StatusOfAsync(jobId));
    }

    [Fact]
    public async Task A_sync_of_a_company_Tally_does_not_have_open_is_INT004_and_the_job_stays_a_draft()
    {
        using var tally = Tally();
        using var client = await app.ClientOfNewOrganizationAsync();
        await FerryApi.ExpectAsync(await client.PutAsJsonAsync(Settings, new { host = tally.Host, port = tally.Port }, Ct), HttpStatusCode.OK);
        var jobId = await client.CreateJobIdAsync("vouchers");

        using var response = await client.PostAsJsonAsync($"{FerryApi.Jobs}/{jobId}/tally/sync",
            new { from_date = "2024-04-01", to_date = "2025-03-31", company = "Umbrella Corp" }, Ct);

        var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity, "INT004");
        Assert.Contains("Umbrella Corp", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("draft", await client.StatusOfAsync(jobId));
    }

    [Fact]
    public async Task Settings_with_an_unusable_host_are_refused_with_INT004_and_not_saved()
    {
        using var client = await app.ClientOfNewOrganizationAsync();

        using var response = await client.PutAsJsonAsync(Settings, new { host = "http://tally:9000/path", port = 9000 }, Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity, "INT004");
        var settings = await client.GetJsonAsync(Settings);
        Assert.Equal((false, 9000), (settings.GetProperty("configured").GetBoolean(), settings.GetProperty("port").GetInt32()));
    }

    static async Task<string> TestConnectionDetailAsync(HttpClient client, int port)
    {
        await FerryApi.ExpectAsync(await client.PutAsJsonAsync(Settings, new { host = "127.0.0.1", port }, Ct), HttpStatusCode.OK);
        using var response = await client.PostAsync($"{Settings}/test", null, Ct);
        var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.BadGateway, "INT008");
        return problem.GetProperty("detail").GetString()!;
    }

    static string Invariant(int number) => number.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Syncing_before_Tally_is_set_up_is_INT004()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("vouchers");

        using var response = await client.PostAsJsonAsync($"{FerryApi.Jobs}/{jobId}/tally/sync", new { from_date = "2024-04-01", to_date = "2025-03-31" }, Ct);

        var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity, "INT004");
        Assert.Contains("integration-settings/tally", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
