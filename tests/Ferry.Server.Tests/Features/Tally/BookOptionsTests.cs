using System.Net;
using System.Net.Http.Json;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Tally;

/// <summary>The options of a whole-books job: set with PUT until it runs, checked, and used by the import.</summary>
public sealed class BookOptionsTests(FerryApp app) : IClassFixture<FerryApp>
{
    const string Default = "Difference in Opening Balances";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_adjustment_ledger_set_with_PUT_before_execute_takes_the_opening_difference()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = (await client.CreateBooksJobAsync()).GetProperty("id").GetGuid();
        await client.UploadBooksAsync(jobId, TallyExport.Books().Utf16());
        await client.AutoMapAsync(jobId);
        await client.ValidateAsync(jobId);

        var updated = await client.PutJobAsync(jobId, new { options = new { adjustment_ledger = "Opening Stock Suspense" } });
        await client.ExecuteAsync(jobId);
        var progress = await client.WaitUntilFinishedAsync(jobId);

        Assert.Equal("Opening Stock Suspense", updated.GetProperty("options").GetProperty("adjustment_ledger").GetString());
        Assert.Equal("mapped", updated.GetProperty("status").GetString());
        Assert.Equal("completed", progress.GetProperty("status").GetString());
        var ledgers = await client.ErpAsync("ledgers", jobId);
        var adjustment = ledgers.Named("name", "Opening Stock Suspense");
        Assert.Equal((TallyExport.OpeningDifference, "Cr", "Suspense A/c"), (adjustment.GetProperty("opening_balance").GetDecimal(),
            adjustment.GetProperty("opening_balance_side").GetString(), adjustment.GetProperty("group_name").GetString()));
        Assert.DoesNotContain(ledgers.Items(), l => l.GetProperty("name").GetString() == Default);
        var reconciliation = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/reconciliation");
        Assert.Equal("Opening Stock Suspense", reconciliation.GetProperty("opening_trial_balance").GetProperty("adjustment").GetProperty("ledger").GetString());
        Assert.True(reconciliation.GetProperty("matches").GetBoolean(), reconciliation.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_adjustment_ledger_is_refused_with_MIG010_naming_the_field(string name)
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = (await client.CreateBooksJobAsync()).GetProperty("id").GetGuid();
        await client.UploadBooksAsync(jobId, TallyExport.Books().Utf16());

        using var response = await client.PutAsJsonAsync($"{FerryApi.Jobs}/{jobId}", new { options = new { adjustment_ledger = name } }, Ct);

        var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity, "MIG010");
        Assert.Equal("adjustment_ledger", problem.GetProperty("field").GetString());
        var job = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}");
        Assert.Equal(Default, job.GetProperty("options").GetProperty("adjustment_ledger").GetString());
    }

    [Fact]
    public async Task A_job_created_with_an_empty_adjustment_ledger_is_refused_and_not_created()
    {
        using var client = await app.ClientOfNewOrganizationAsync();

        using var response = await client.PostAsJsonAsync(FerryApi.Jobs,
            new { name = "Tally books", source_type = "tally", options = new { adjustment_ledger = "" } }, Ct);

        var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity, "MIG010");
        Assert.Equal("adjustment_ledger", problem.GetProperty("field").GetString());
        Assert.Equal(0, (await client.GetJsonAsync(FerryApi.Jobs)).Total());
    }

    [Fact]
    public async Task Options_cannot_change_once_the_books_are_imported()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var (jobId, _) = await client.ImportBooksAsync(TallyExport.Books().Utf16());

        using var response = await client.PutAsJsonAsync($"{FerryApi.Jobs}/{jobId}",
            new { options = new { adjustment_ledger = "Too Late", create_missing_masters = true } }, Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.Conflict, "MIG011");
        var options = (await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}")).GetProperty("options");
        Assert.Equal((Default, false), (options.GetProperty("adjustment_ledger").GetString(), options.GetProperty("create_missing_masters").GetBoolean()));
    }
}
