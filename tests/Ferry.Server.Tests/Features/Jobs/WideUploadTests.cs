using System.Net;
using System.Text;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Jobs;

public sealed class WideUploadTests(NarrowTablesFerryApp app) : IClassFixture<NarrowTablesFerryApp>
{
    [Fact]
    public async Task A_table_wider_than_Sources_MaxColumns_is_refused_with_MIG001_naming_the_setting()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");

        using var response = await client.UploadAsync(jobId, Encoding.UTF8.GetBytes(TestData.Csv("Customer Name,City,State,PIN", "Acme,Pune,Maharashtra,411001")));

        var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity, "MIG001");
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("The file has 4 columns; Ferry reads at most 3 per table (Sources:MaxColumns", detail, StringComparison.Ordinal);
        var job = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}");
        Assert.Equal("draft", job.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_table_as_wide_as_Sources_MaxColumns_is_read()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");

        var job = await client.UploadCsvAsync(jobId, TestData.Csv("Customer Name,City,State", "Acme,Pune,Maharashtra"));

        Assert.Equal(1, job.GetProperty("file").GetProperty("row_count").GetInt64());
    }
}
