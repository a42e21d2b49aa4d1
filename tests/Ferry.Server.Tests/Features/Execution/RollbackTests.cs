using System.Net;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Execution;

public sealed class RollbackTests(FerryApp app) : IClassFixture<FerryApp>
{
    [Fact]
    public async Task Rolling_back_an_import_keeps_a_row_a_later_import_changed_and_reports_it_as_a_conflict()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var tag = TestData.Tag();
        var (firstJob, _) = await client.ImportAsync("contacts", TestData.Csv("Customer Name,City", $"Kept {tag},Mumbai", $"Removed {tag},Mumbai"));
        var (laterJob, _) = await client.ImportAsync("contacts", TestData.Csv("Customer Name,City", $"Kept {tag},Pune"), "update");

        var progress = await client.RollbackAndWaitAsync(firstJob);

        var summary = progress.GetProperty("rollback_summary");
        Assert.Equal(1, summary.GetProperty("deleted").GetInt64());
        Assert.Equal(1, summary.GetProperty("conflicts").GetInt64());
        var remaining = Assert.Single((await client.ErpAsync("contacts")).Items());
        Assert.Equal($"Kept {tag}", remaining.GetProperty("display_name").GetString());
        Assert.Equal("Pune", remaining.GetProperty("billing").GetProperty("city").GetString());
        Assert.Equal(laterJob, remaining.GetProperty("last_job_id").GetGuid());
    }

    [Fact]
    public async Task A_rolled_back_job_can_be_neither_executed_nor_given_a_new_file()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var csv = TestData.Csv("Customer Name", $"Once {TestData.Tag()}");
        var (jobId, _) = await client.ImportAsync("contacts", csv);
        await client.RollbackAndWaitAsync(jobId);

        using var execute = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/execute", null, TestContext.Current.CancellationToken);
        using var upload = await client.UploadAsync(jobId, System.Text.Encoding.UTF8.GetBytes(csv));

        await FerryApi.ExpectProblemAsync(execute, HttpStatusCode.Conflict, "MIG011");
        await FerryApi.ExpectProblemAsync(upload, HttpStatusCode.Conflict, "MIG011");
        Assert.Equal(0, (await client.ErpAsync("contacts")).Total());
    }

    [Fact]
    public async Task The_same_file_can_be_imported_again_in_a_new_job_after_a_rollback()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var csv = TestData.Csv("Customer Name,City", $"Again {TestData.Tag()},Mumbai");
        var (firstJob, _) = await client.ImportAsync("contacts", csv);
        await client.RollbackAndWaitAsync(firstJob);

        var (secondJob, progress) = await client.ImportAsync("contacts", csv);

        Assert.Equal(1, progress.GetProperty("records_inserted").GetInt64());
        Assert.Equal(1, (await client.ErpAsync("contacts", secondJob)).Total());
    }
}
