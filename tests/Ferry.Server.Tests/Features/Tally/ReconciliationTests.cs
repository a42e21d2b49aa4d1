using System.Net;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Tally;

/// <summary>GET /jobs/{id}/reconciliation exists for finished whole-books imports only, and says why otherwise.</summary>
public sealed class ReconciliationTests(FerryApp app) : IClassFixture<FerryApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_table_import_has_no_reconciliation()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var (jobId, progress) = await client.ImportAsync("contacts", TestData.Csv("Customer Name,City", $"Acme {TestData.Tag()},Pune"));
        Assert.Equal("completed", progress.GetProperty("status").GetString());

        using var response = await client.GetAsync($"{FerryApi.Jobs}/{jobId}/reconciliation", Ct);

        var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.Conflict, "MIG011");
        Assert.Contains("Only whole-books imports", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_books_import_that_has_not_run_has_no_reconciliation_yet()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = (await client.CreateBooksJobAsync()).GetProperty("id").GetGuid();
        await client.UploadBooksAsync(jobId, TallyExport.Books().Utf16());

        using var response = await client.GetAsync($"{FerryApi.Jobs}/{jobId}/reconciliation", Ct);

        var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.Conflict, "MIG011");
        Assert.Contains("'uploaded'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_job_has_no_reconciliation()
    {
        using var client = await app.ClientOfNewOrganizationAsync();

        using var response = await client.GetAsync($"{FerryApi.Jobs}/{Guid.NewGuid()}/reconciliation", Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_organizations_books_import_is_not_found()
    {
        using var owner = await app.ClientOfNewOrganizationAsync();
        using var stranger = await app.ClientOfNewOrganizationAsync();
        var (jobId, _) = await owner.ImportBooksAsync(TallyExport.Books().Utf16());

        using var response = await stranger.GetAsync($"{FerryApi.Jobs}/{jobId}/reconciliation", Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.NotFound);
    }
}
