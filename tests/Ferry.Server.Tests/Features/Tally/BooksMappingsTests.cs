using System.Net.Http.Json;
using System.Text.Json;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Tally;

/// <summary>A whole-books job has no field mappings; the mapping endpoints say so instead of asking for one table's data type.</summary>
public sealed class BooksMappingsTests(FerryApp app) : IClassFixture<FerryApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_books_job_importing_only_vouchers_lists_no_mappings_and_no_target_fields()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        using var created = await client.PostAsJsonAsync(FerryApi.Jobs, new { name = "Day book", source_type = "tally", data_types = new[] { "vouchers" } }, Ct);
        await FerryApi.ExpectAsync(created, System.Net.HttpStatusCode.Created);
        var jobId = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        await client.UploadBooksAsync(jobId, TallyExport.Books().Utf16());

        var auto = await client.AutoMapAsync(jobId);
        var list = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/mappings");

        foreach (var answer in new[] { auto, list })
        {
            Assert.Equal(JsonValueKind.Null, answer.GetProperty("data_type").ValueKind);
            Assert.Empty(answer.GetProperty("mappings").EnumerateArray());
            Assert.Empty(answer.GetProperty("target_fields").EnumerateArray());
        }
        Assert.Equal("mapped", await client.StatusOfAsync(jobId));
    }
}
