using System.Net;
using System.Net.Http.Json;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Jobs;

public sealed class JobsApiTests(FerryApp app) : IClassFixture<FerryApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_created_job_is_a_draft_with_what_was_asked_for()
    {
        using var client = await app.ClientOfNewOrganizationAsync();

        using var response = await client.PostAsJsonAsync(FerryApi.Jobs, new
        {
            name = "  Opening customers  ",
            description = "FY 2024-25 opening balances",
            source_type = "csv",
            data_types = new[] { "contacts" },
            conflict_strategy = "create_new",
            batch_size = 250,
        }, Ct);

        await FerryApi.ExpectAsync(response, HttpStatusCode.Created);
        var job = await response.ReadJsonAsync();
        var id = job.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/migration/jobs/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Opening customers", job.GetProperty("name").GetString());
        Assert.Equal("FY 2024-25 opening balances", job.GetProperty("description").GetString());
        Assert.Equal("csv", job.GetProperty("source_type").GetString());
        Assert.Equal(["contacts"], job.GetProperty("data_types").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("create_new", job.GetProperty("conflict_strategy").GetString());
        Assert.Equal(250, job.GetProperty("batch_size").GetInt32());
        Assert.Equal("draft", job.GetProperty("status").GetString());
        Assert.Equal(job.ToString(), (await client.GetJsonAsync($"{FerryApi.Jobs}/{id}")).ToString());
    }

    [Theory]
    [InlineData("""{"name":"x","data_types":["customers_and_stuff"]}""")]
    [InlineData("""{"name":"","data_types":["contacts"]}""")]
    [InlineData("""{"name":"   ","data_types":["contacts"]}""")]
    [InlineData("""{"name":"x","data_types":["contacts"],"batch_size":0}""")]
    [InlineData("""{"name":"x","data_types":["contacts"],"batch_size":100001}""")]
    [InlineData("""{"name":"x","data_types":["contacts"],"conflict_strategy":"overwrite_everything"}""")]
    public async Task A_job_with_bad_settings_is_a_bad_request_and_is_not_created(string body)
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(FerryApi.Jobs, content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, (await client.GetJsonAsync(FerryApi.Jobs)).Total());
    }

    [Fact]
    public async Task The_job_list_pages_newest_first_and_filters_by_status()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var first = await client.CreateJobIdAsync("contacts");
        var second = await client.CreateJobIdAsync("products");
        var third = await client.CreateJobIdAsync("ledgers");
        await client.UploadCsvAsync(second, TestData.Csv("Item Name", "Widget"));

        var page1 = await client.GetJsonAsync($"{FerryApi.Jobs}?page=1&page_size=2");
        var page2 = await client.GetJsonAsync($"{FerryApi.Jobs}?page=2&page_size=2");
        var drafts = await client.GetJsonAsync($"{FerryApi.Jobs}?status=draft");

        Assert.Equal(3, page1.Total());
        Assert.Equal([third, second], page1.Items().Select(j => j.GetProperty("id").GetGuid()));
        Assert.Equal([first], page2.Items().Select(j => j.GetProperty("id").GetGuid()));
        Assert.Equal(2, page1.GetProperty("page_size").GetInt32());
        Assert.Equal([third, first], drafts.Items().Select(j => j.GetProperty("id").GetGuid()));
        Assert.Equal(2, drafts.Total());
    }

    [Fact]
    public async Task Listing_by_an_unknown_status_is_a_bad_request()
    {
        using var client = await app.ClientOfNewOrganizationAsync();

        using var response = await client.GetAsync($"{FerryApi.Jobs}?status=half_done", Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Updating_a_job_changes_its_name_description_and_strategy()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");

        using var response = await client.PutAsJsonAsync($"{FerryApi.Jobs}/{jobId}", new { name = "Renamed", description = "new words", conflict_strategy = "update" }, Ct);

        await FerryApi.ExpectAsync(response, HttpStatusCode.OK);
        var job = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}");
        Assert.Equal("Renamed", job.GetProperty("name").GetString());
        Assert.Equal("new words", job.GetProperty("description").GetString());
        Assert.Equal("update", job.GetProperty("conflict_strategy").GetString());
    }

    [Fact]
    public async Task Renaming_a_job_to_nothing_is_a_bad_request()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");
        var before = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}");

        using var response = await client.PutAsJsonAsync($"{FerryApi.Jobs}/{jobId}", new { name = " " }, Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before.GetProperty("name").GetString(), (await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Deleting_a_draft_job_removes_it()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");

        using var delete = await client.DeleteAsync($"{FerryApi.Jobs}/{jobId}", Ct);

        await FerryApi.ExpectAsync(delete, HttpStatusCode.NoContent);
        using var get = await client.GetAsync($"{FerryApi.Jobs}/{jobId}", Ct);
        await FerryApi.ExpectProblemAsync(get, HttpStatusCode.NotFound);
        Assert.Equal(0, (await client.GetJsonAsync(FerryApi.Jobs)).Total());
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/progress")]
    [InlineData("GET", "/logs")]
    [InlineData("POST", "/validate")]
    [InlineData("DELETE", "")]
    public async Task An_unknown_job_id_is_not_found(string method, string suffix)
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"{FerryApi.Jobs}/{Guid.NewGuid()}{suffix}");

        using var response = await client.SendAsync(request, Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_job_created_without_a_data_type_takes_the_one_the_upload_suggests()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        using var created = await client.PostAsJsonAsync(FerryApi.Jobs, new { name = "what is this file" }, Ct);
        await FerryApi.ExpectAsync(created, HttpStatusCode.Created);
        var jobId = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();

        var job = await client.UploadCsvAsync(jobId, TestData.Csv("Item Code,Item Name,HSN,Unit,Selling Price,GST Rate", "A-1,Widget,8471,Nos,100,18"));

        Assert.Equal(["products"], job.GetProperty("data_types").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("products", (await client.AutoMapAsync(jobId)).GetProperty("data_type").GetString());
    }

    [Fact]
    public async Task Changing_the_data_type_of_a_mapped_job_clears_its_mappings_and_returns_it_to_uploaded()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");
        await client.UploadCsvAsync(jobId, TestData.Csv("Ledger Name,Group,Opening Balance", "Cash,Cash-in-Hand,100"));
        await client.AutoMapAsync(jobId);

        using var response = await client.PutAsJsonAsync($"{FerryApi.Jobs}/{jobId}", new { data_types = new[] { "ledgers" } }, Ct);

        await FerryApi.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("uploaded", (await response.ReadJsonAsync()).GetProperty("status").GetString());
        var mappings = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/mappings");
        Assert.Equal("ledgers", mappings.GetProperty("data_type").GetString());
        Assert.Empty(mappings.GetProperty("mappings").EnumerateArray());
    }

    [Fact]
    public async Task Mapping_a_table_file_for_two_data_types_is_refused_with_MIG010()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        using var created = await client.PostAsJsonAsync(FerryApi.Jobs, new { name = "two kinds", data_types = new[] { "contacts", "products" } }, Ct);
        await FerryApi.ExpectAsync(created, HttpStatusCode.Created);
        var jobId = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        await client.UploadCsvAsync(jobId, TestData.Csv("Customer Name", "Acme"));

        using var response = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/mappings/auto", null, Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity, "MIG010");
        Assert.Equal("uploaded", await client.StatusOfAsync(jobId));
    }
}
