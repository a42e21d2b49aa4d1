using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Mappings;

public sealed class MappingsApiTests(FerryApp app) : IClassFixture<FerryApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<Guid> UploadedJobAsync(HttpClient client, string csv)
    {
        var jobId = await client.CreateJobIdAsync("contacts");
        await client.UploadCsvAsync(jobId, csv);
        return jobId;
    }

    static Dictionary<string, JsonElement> ByTarget(JsonElement mappings) =>
        mappings.EnumerateArray().ToDictionary(m => m.GetProperty("target_field").GetString()!);

    [Fact]
    public async Task Auto_mapping_maps_common_customer_headers_to_contact_fields()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await UploadedJobAsync(client, TestData.Csv(
            "Customer Name,E-mail,GSTIN,Phone,City,Opening Balance",
            $"Acme {TestData.Tag()},a@acme.example,{TestData.Gstin("27")},022-4000-1000,Mumbai,100"));

        var result = await client.AutoMapAsync(jobId);

        Assert.Equal("contacts", result.GetProperty("data_type").GetString());
        var sources = result.GetProperty("mappings").EnumerateArray()
            .ToDictionary(m => m.GetProperty("source_field").GetString()!, m => m.GetProperty("target_field").GetString());
        Assert.Equal(new Dictionary<string, string?>
        {
            ["Customer Name"] = "display_name",
            ["E-mail"] = "email",
            ["GSTIN"] = "gstin",
            ["Phone"] = "phone",
            ["City"] = "billing_city",
            ["Opening Balance"] = "opening_balance",
        }, sources);
        Assert.All(result.GetProperty("mappings").EnumerateArray(), m =>
        {
            Assert.Equal("auto", m.GetProperty("origin").GetString());
            Assert.InRange(m.GetProperty("confidence").GetDouble(), 0.5, 1.0);
            Assert.Equal(jobId, m.GetProperty("job_id").GetGuid());
        });
        Assert.Empty(result.GetProperty("unmapped_columns").EnumerateArray());
        Assert.Empty(result.GetProperty("missing_required_fields").EnumerateArray());
        var displayName = Assert.Single(result.GetProperty("target_fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "display_name");
        Assert.True(displayName.GetProperty("required").GetBoolean());
        Assert.Equal("mapped", await client.StatusOfAsync(jobId));
    }

    [Fact]
    public async Task Auto_mapping_lists_the_columns_it_could_not_place()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await UploadedJobAsync(client, TestData.Csv("Customer Name,Favourite Colour", "Acme,Teal"));

        var result = await client.AutoMapAsync(jobId);

        Assert.Equal(["Favourite Colour"], result.GetProperty("unmapped_columns").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Auto_mapping_without_a_name_column_reports_the_missing_required_field_and_execution_is_refused_with_MIG003()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await UploadedJobAsync(client, TestData.Csv("E-mail,City", "a@acme.example,Mumbai"));

        var result = await client.AutoMapAsync(jobId);
        using var execute = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/execute", null, Ct);

        Assert.Equal(["display_name"], result.GetProperty("missing_required_fields").EnumerateArray().Select(f => f.GetString()));
        await FerryApi.ExpectProblemAsync(execute, HttpStatusCode.UnprocessableEntity, "MIG003");
        Assert.Equal("mapped", await client.StatusOfAsync(jobId));
    }

    [Fact]
    public async Task A_manual_mapping_replaces_the_automatic_one_for_its_field_and_is_what_gets_imported()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var tag = TestData.Tag();
        var jobId = await UploadedJobAsync(client, TestData.Csv("Customer Name,Trade Name,City", $"Legal Name {tag},Trade Name {tag},Mumbai"));
        await client.AutoMapAsync(jobId);

        using var created = await client.PostAsJsonAsync($"{FerryApi.Jobs}/{jobId}/mappings", new
        {
            source_field = "Trade Name",
            target_field = "display_name",
            transformation_rule = "trim|upper",
            is_required = true,
        }, Ct);

        await FerryApi.ExpectAsync(created, HttpStatusCode.Created);
        var manual = await created.ReadJsonAsync();
        Assert.Equal("manual", manual.GetProperty("origin").GetString());
        Assert.Equal($"/api/v1/migration/mappings/{manual.GetProperty("id").GetGuid()}", created.Headers.Location?.OriginalString);
        var mappings = (await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/mappings")).GetProperty("mappings");
        var displayName = Assert.Single(mappings.EnumerateArray(), m => m.GetProperty("target_field").GetString() == "display_name");
        Assert.Equal("Trade Name", displayName.GetProperty("source_field").GetString());

        await client.ExecuteAsync(jobId);
        Assert.Equal("completed", (await client.WaitUntilFinishedAsync(jobId)).GetProperty("status").GetString());
        var contact = Assert.Single((await client.ErpAsync("contacts", jobId)).Items());
        Assert.Equal($"TRADE NAME {tag}", contact.GetProperty("display_name").GetString());
    }

    [Fact]
    public async Task Auto_mapping_again_keeps_manual_mappings()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await UploadedJobAsync(client, TestData.Csv("Customer Name,Trade Name,City", "Legal,Trade,Mumbai"));
        await client.AutoMapAsync(jobId);
        using (var created = await client.PostAsJsonAsync($"{FerryApi.Jobs}/{jobId}/mappings", new { source_field = "Trade Name", target_field = "display_name" }, Ct))
        {
            await FerryApi.ExpectAsync(created, HttpStatusCode.Created);
        }

        var again = await client.AutoMapAsync(jobId);

        var displayName = ByTarget(again.GetProperty("mappings"))["display_name"];
        Assert.Equal("Trade Name", displayName.GetProperty("source_field").GetString());
        Assert.Equal("manual", displayName.GetProperty("origin").GetString());
        Assert.Equal("billing_city", ByTarget(again.GetProperty("mappings"))["billing_city"].GetProperty("target_field").GetString());
    }

    [Fact]
    public async Task A_default_value_fills_a_field_the_file_does_not_have()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var name = $"Supplier {TestData.Tag()}";
        var jobId = await UploadedJobAsync(client, TestData.Csv("Customer Name,Opening Balance", $"{name},5000"));
        await client.AutoMapAsync(jobId);
        using (var created = await client.PostAsJsonAsync($"{FerryApi.Jobs}/{jobId}/mappings", new { target_field = "contact_type", default_value = "vendor" }, Ct))
        {
            await FerryApi.ExpectAsync(created, HttpStatusCode.Created);
        }

        await client.ExecuteAsync(jobId);
        await client.WaitUntilFinishedAsync(jobId);

        var contact = Assert.Single((await client.ErpAsync("contacts", jobId)).Items());
        Assert.Equal("vendor", contact.GetProperty("contact_type").GetString());
        // A vendor's plain opening balance is what we owe them.
        Assert.Equal("Cr", contact.GetProperty("opening_balance_side").GetString());
    }

    [Fact]
    public async Task Deleting_the_required_mapping_makes_validation_fail_with_MIG003()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await UploadedJobAsync(client, TestData.Csv("Customer Name,City", "Acme,Mumbai"));
        var mappings = ByTarget((await client.AutoMapAsync(jobId)).GetProperty("mappings"));

        using var delete = await client.DeleteAsync($"/api/v1/migration/mappings/{mappings["display_name"].GetProperty("id").GetGuid()}", Ct);
        await FerryApi.ExpectAsync(delete, HttpStatusCode.NoContent);
        using var validate = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/validate", null, Ct);

        var problem = await FerryApi.ExpectProblemAsync(validate, HttpStatusCode.UnprocessableEntity, "MIG003");
        Assert.Contains("display_name", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ByTarget((await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/mappings")).GetProperty("mappings")).Keys, k => k == "display_name");
        Assert.Equal("mapped", await client.StatusOfAsync(jobId));
    }

    [Fact]
    public async Task Updating_a_mapping_points_it_at_another_column()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var tag = TestData.Tag();
        var jobId = await UploadedJobAsync(client, TestData.Csv("Customer Name,City,Town", $"Acme {tag},Mumbai,Thane"));
        var city = ByTarget((await client.AutoMapAsync(jobId)).GetProperty("mappings"))["billing_city"];

        using var update = await client.PutAsJsonAsync($"/api/v1/migration/mappings/{city.GetProperty("id").GetGuid()}",
            new { source_field = "Town", target_field = "billing_city" }, Ct);

        await FerryApi.ExpectAsync(update, HttpStatusCode.OK);
        var updated = await update.ReadJsonAsync();
        Assert.Equal("Town", updated.GetProperty("source_field").GetString());
        Assert.Equal("manual", updated.GetProperty("origin").GetString());
        await client.ExecuteAsync(jobId);
        await client.WaitUntilFinishedAsync(jobId);
        var contact = Assert.Single((await client.ErpAsync("contacts", jobId)).Items());
        Assert.Equal("Thane", contact.GetProperty("billing").GetProperty("city").GetString());
    }

    [Theory]
    [InlineData("""{"source_field":"City","target_field":"favourite_colour"}""")]
    [InlineData("""{"source_field":"City","target_field":"billing_city","transformation_rule":"explode"}""")]
    [InlineData("""{"source_field":"City","target_field":"billing_city","transformation_rule":"truncate:many"}""")]
    [InlineData("""{"source_field":"City","target_field":"billing_city","validation_rule":"regex:[unclosed"}""")]
    [InlineData("""{"source_field":"No Such Column","target_field":"billing_city"}""")]
    [InlineData("""{"target_field":"billing_city"}""")]
    public async Task An_invalid_mapping_is_refused_with_MIG010_and_not_stored(string body)
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await UploadedJobAsync(client, TestData.Csv("Customer Name,City", "Acme,Mumbai"));
        var before = (await client.AutoMapAsync(jobId)).GetProperty("mappings").ToString();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/mappings", content, Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity, "MIG010");
        Assert.Equal(before, (await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/mappings")).GetProperty("mappings").ToString());
    }

    [Fact]
    public async Task A_mapping_without_a_target_field_is_a_bad_request()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await UploadedJobAsync(client, TestData.Csv("Customer Name,City", "Acme,Mumbai"));

        using var response = await client.PostAsJsonAsync($"{FerryApi.Jobs}/{jobId}/mappings", new { source_field = "City" }, Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_validation_rule_on_a_mapping_rejects_the_rows_that_break_it()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var tag = TestData.Tag();
        var jobId = await UploadedJobAsync(client, TestData.Csv("Customer Name,Credit Limit", $"Small {tag},5000", $"Huge {tag},5000000"));
        await client.AutoMapAsync(jobId);
        using (var created = await client.PostAsJsonAsync($"{FerryApi.Jobs}/{jobId}/mappings",
            new { source_field = "Credit Limit", target_field = "credit_limit", validation_rule = "min:0|max:100000" }, Ct))
        {
            await FerryApi.ExpectAsync(created, HttpStatusCode.Created);
        }

        var report = await client.ValidateAsync(jobId);

        Assert.Equal(1, report.GetProperty("records_invalid").GetInt64());
        var issue = Assert.Single(report.GetProperty("issues").EnumerateArray());
        Assert.Equal("credit_limit", issue.GetProperty("field").GetString());
        Assert.Equal("row 3", issue.GetProperty("location").GetString());
    }
}
