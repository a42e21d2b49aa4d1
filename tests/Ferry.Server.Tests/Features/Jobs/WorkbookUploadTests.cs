using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ferry.Server.Tests.Infrastructure;
using Ferry.Tests.Fixtures;

namespace Ferry.Server.Tests.Features.Jobs;

/// <summary>A workbook with several sheets: every sheet profiled, the right one chosen, the user free to choose another.</summary>
public sealed class WorkbookUploadTests(FerryApp app) : IClassFixture<FerryApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static byte[] Workbook(string tag)
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Day Book")
            .Row(1, "JINKRUPA ENTERPRISES").Merge("A1:C1")
            .Row(3, "Date", "Particulars", "Vch Type", "Vch No.", "Debit Amount", "Credit Amount")
            .Row(4, null, null, null, null, "Inwards Qty", "Outwards Qty")
            .Row(5, new DateTime(2023, 12, 4), "Yalagur Agency", "GST Supply", 114, 422581.77, null);
        workbook.Sheet("Customers")
            .Row(1, "Customer list").Merge("A1:D1")
            .Row(2, "Customer Name", "GSTIN", "City", "Opening Balance")
            .Row(3, $"Acme {tag}", "27AAPFU0939F1ZV", "Pune", "1,18,000.00 Cr")
            .Row(4, $"Beta {tag}", null, "Mumbai", 2500)
            .Row(5, "Total", null, null, 120500);
        var path = Path.GetTempFileName();
        try
        {
            workbook.Save(path);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    static async Task<JsonElement> UploadAsync(HttpClient client, Guid jobId, byte[] content, string name)
    {
        using var response = await client.UploadAsync(jobId, content, name);
        await FerryApi.ExpectAsync(response, HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    static async Task<JsonElement> UpdateAsync(HttpClient client, Guid jobId, object changes)
    {
        using var response = await client.PutAsJsonAsync($"{FerryApi.Jobs}/{jobId}", changes, Ct);
        await FerryApi.ExpectAsync(response, HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task The_sheet_that_looks_like_the_job_is_chosen_and_the_user_can_switch_sheet_and_header_row()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var tag = TestData.Tag();
        var jobId = await client.CreateJobIdAsync("contacts");

        var uploaded = (await UploadAsync(client, jobId, Workbook(tag), "books.xlsx")).GetProperty("file");

        Assert.Equal("xlsx", uploaded.GetProperty("format").GetString());
        Assert.Equal(["Day Book", "Customers"], uploaded.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal("Customers", uploaded.GetProperty("table").GetString());
        Assert.Equal(2, uploaded.GetProperty("header_row").GetInt32());
        Assert.Equal(2, uploaded.GetProperty("row_count").GetInt64());
        var dayBook = uploaded.GetProperty("tables")[0];
        Assert.Equal("Debit Amount / Inwards Qty", (await client.ColumnsAsync(jobId, "Day Book"))[4]);
        Assert.Equal("vouchers", dayBook.GetProperty("suggested_data_types")[0].GetProperty("data_type").GetString());
        var customers = uploaded.GetProperty("tables")[1];
        Assert.Equal(1, customers.GetProperty("total_rows").GetInt64());
        var gstin = (await client.ProfileAsync(jobId, "Customers")).GetProperty("columns")[1];
        Assert.Equal("text", gstin.GetProperty("inferred_type").GetString());
        Assert.Contains("gstin", gstin.GetProperty("patterns").EnumerateArray().Select(p => p.GetString()));

        var switched = (await UpdateAsync(client, jobId, new { source_table = "Day Book" })).GetProperty("file");
        Assert.Equal(("Day Book", 1L), (switched.GetProperty("table").GetString(), switched.GetProperty("row_count").GetInt64()));
        var reread = (await UpdateAsync(client, jobId, new { source_table = "Customers", header_row = 1 })).GetProperty("file");
        Assert.Equal(1, reread.GetProperty("header_row").GetInt32());
        Assert.Equal("Customer list", (await client.ColumnsAsync(jobId))[0]);
        using (var missing = await client.PutAsJsonAsync($"{FerryApi.Jobs}/{jobId}", new { source_table = "Vendors" }, Ct))
        {
            var problem = await FerryApi.ExpectProblemAsync(missing, HttpStatusCode.UnprocessableEntity, "MIG004");
            Assert.Contains("Customers", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await UpdateAsync(client, jobId, new { source_table = "Customers", header_row = 2 });
        await client.AutoMapAsync(jobId);
        await client.ExecuteAsync(jobId);
        var progress = await client.WaitUntilFinishedAsync(jobId);

        Assert.Equal("completed", progress.GetProperty("status").GetString());
        var contacts = (await client.ErpAsync("contacts", jobId)).Items().ToDictionary(c => c.GetProperty("display_name").GetString()!);
        Assert.Equal(2, contacts.Count);
        var acme = contacts[$"Acme {tag}"];
        Assert.Equal(("Pune", 118000m, "Cr"), (acme.GetProperty("billing").GetProperty("city").GetString(), acme.GetProperty("opening_balance").GetDecimal(), acme.GetProperty("opening_balance_side").GetString()));
        Assert.Equal("Customers row 3", acme.GetProperty("source_location").GetString());
    }

    [Fact]
    public async Task Products_from_a_JSON_Lines_file_import_end_to_end()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var tag = TestData.Tag();
        var jsonl = $$"""
            {"sku":"RICE-{{tag}}","name":"Basmati Rice 5 kg","hsn_or_sac":"1006","unit":"Bag","rate":1250.50,"tax_percentage":5}
            {"sku":"MILK-{{tag}}","name":"Toned Milk 1 L","hsn_or_sac":"0401","unit":"Ltr","rate":62,"tax_percentage":0}
            """;
        var jobId = await client.CreateJobIdAsync("products");

        var uploaded = (await UploadAsync(client, jobId, Encoding.UTF8.GetBytes(jsonl), "items.jsonl")).GetProperty("file");
        Assert.Equal(("jsonl", "records"), (uploaded.GetProperty("format").GetString(), uploaded.GetProperty("table").GetString()));
        await client.AutoMapAsync(jobId);
        await client.ExecuteAsync(jobId);
        var progress = await client.WaitUntilFinishedAsync(jobId);

        Assert.Equal("completed", progress.GetProperty("status").GetString());
        var products = (await client.ErpAsync("products", jobId)).Items().ToDictionary(p => p.GetProperty("sku").GetString()!);
        Assert.Equal("0401", products[$"MILK-{tag}"].GetProperty("hsn_sac").GetString());
        Assert.Equal(1250.50m, products[$"RICE-{tag}"].GetProperty("sale_rate").GetDecimal());
        Assert.Equal("record 2", products[$"MILK-{tag}"].GetProperty("source_location").GetString());
    }
}
