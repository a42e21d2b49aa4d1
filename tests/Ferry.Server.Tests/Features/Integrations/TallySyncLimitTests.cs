using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Ferry.Server.Tests.Infrastructure;
using Ferry.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using static Ferry.Tests.Fixtures.TallyXmlBuilder;

namespace Ferry.Server.Tests.Features.Integrations;

/// <summary>A server whose Tally syncs may pull at most 256 KiB, spooling answers under its own folder so leftovers show.</summary>
public sealed class SmallSyncFerryApp() : FerryApp(new() { ["Integrations:Tally:MaxSyncBytes"] = Limit.ToString(CultureInfo.InvariantCulture) })
{
    public const long Limit = 256 * 1024;

    public string SpoolFolder => Path.Combine(Folder, "spool");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Integrations:Tally:SpoolFolder", SpoolFolder);
    }
}

/// <summary>
/// A sync stops at Integrations:Tally:MaxSyncBytes while the answers stream in, whichever file passes it: an answer
/// from Tally or the export merged from them. A masters answer is about 400 bytes a ledger and a Day Book about 1,500 a
/// voucher in UTF-8, twice that in UTF-16.
/// </summary>
public sealed class TallySyncLimitTests(SmallSyncFerryApp app) : IClassFixture<SmallSyncFerryApp>
{
    const string Settings = "/api/v1/integration-settings/tally";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static TallyStandIn Tally(int ledgers, int vouchers, TallyFileEncoding encoding)
    {
        var tally = new TallyStandIn { AnswerEncoding = encoding };
        var company = tally.Open("Acme Traders", new DateOnly(2024, 4, 1))
            .Masters([.. Enumerable.Range(1, ledgers).Select(i => Ledger($"Customer {i:0000}", "Sundry Debtors", opening: -i))]);
        foreach (var i in Enumerable.Range(1, vouchers))
        {
            company.Voucher(Voucher("Sales", $"S-{i}", "20240405", "Customer 0001",
                [LedgerEntry("Customer 0001", -10m, deemedPositive: true), LedgerEntry("Sales", 10m, deemedPositive: false)]));
        }
        return tally;
    }

    static async Task<Guid> JobSyncingFromAsync(HttpClient client, TallyStandIn tally)
    {
        await FerryApi.ExpectAsync(await client.PutAsJsonAsync(Settings, new { host = tally.Host, port = tally.Port, company = "Acme Traders" }, Ct), HttpStatusCode.OK);
        return await client.CreateJobIdAsync("vouchers");
    }

    static Task<HttpResponseMessage> SyncAsync(HttpClient client, Guid jobId) =>
        client.PostAsJsonAsync($"{FerryApi.Jobs}/{jobId}/tally/sync", new { from_date = "2024-04-01", to_date = "2025-03-31" }, Ct);

    void AssertNothingSpooledIsLeft()
    {
        Assert.True(Directory.Exists(app.SpoolFolder), "the sync did not spool under Integrations:Tally:SpoolFolder");
        Assert.Empty(Directory.EnumerateFileSystemEntries(app.SpoolFolder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_day_book_answer_over_the_limit_is_MIG002_saying_the_limit_and_what_to_do_and_the_job_stays_a_draft()
    {
        using var tally = Tally(ledgers: 10, vouchers: 200, TallyFileEncoding.Utf16LeBom);
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await JobSyncingFromAsync(client, tally);

        using var response = await SyncAsync(client, jobId);

        var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "MIG002");
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("Day Book answer", detail, StringComparison.Ordinal);
        Assert.Contains("0.25 MB", detail, StringComparison.Ordinal);
        Assert.Contains("shorter period", detail, StringComparison.Ordinal);
        Assert.Contains("Integrations:Tally:MaxSyncBytes", detail, StringComparison.Ordinal);
        Assert.Equal("draft", await client.StatusOfAsync(jobId));
        AssertNothingSpooledIsLeft();
    }

    [Fact]
    public async Task Answers_within_the_limit_whose_merged_export_is_over_it_are_MIG002()
    {
        using var tally = Tally(ledgers: 400, vouchers: 100, TallyFileEncoding.Utf8);
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await JobSyncingFromAsync(client, tally);

        using var response = await SyncAsync(client, jobId);

        var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "MIG002");
        Assert.Contains("merged", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["masters", "day-book"], tally.Requests.Select(r => r.Kind));
        Assert.Equal("draft", await client.StatusOfAsync(jobId));
        AssertNothingSpooledIsLeft();
    }

    [Fact]
    public async Task A_sync_within_the_limit_is_uploaded_and_leaves_nothing_spooled()
    {
        using var tally = Tally(ledgers: 100, vouchers: 20, TallyFileEncoding.Utf16LeBom);
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await JobSyncingFromAsync(client, tally);

        using var response = await SyncAsync(client, jobId);

        await FerryApi.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("uploaded", await client.StatusOfAsync(jobId));
        AssertNothingSpooledIsLeft();
    }
}
