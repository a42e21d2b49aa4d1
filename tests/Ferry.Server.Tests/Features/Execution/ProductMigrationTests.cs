using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Execution;

public sealed class ProductMigrationTests(FerryApp app) : IClassFixture<FerryApp>
{
    [Fact]
    public async Task An_item_master_imports_into_products_keeps_codes_as_text_and_rolls_back()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var tag = TestData.Tag();
        var csv = TestData.Csv(
            "Item Code,Item Name,HSN,Unit,Selling Price,GST Rate",
            $"RICE-{tag},Basmati Rice 5 kg,1006,Bag,\"1,250.50\",5",
            $"MILK-{tag},Toned Milk 1 L,0401,Ltr,62,0",
            $"BAD-{tag},Broken Price Item,8471,Nos,-10,18",
            $"PEN-{tag},Ball Pen,9608,Nos,10,18%");
        var jobId = await client.CreateJobIdAsync("products");

        var uploaded = await client.UploadCsvAsync(jobId, csv, "items.csv");
        Assert.Equal("products", uploaded.GetProperty("file").GetProperty("suggested_data_types")[0].GetProperty("data_type").GetString());

        var mapping = await client.AutoMapAsync(jobId);
        var targets = mapping.GetProperty("mappings").EnumerateArray()
            .ToDictionary(m => m.GetProperty("source_field").GetString()!, m => m.GetProperty("target_field").GetString());
        Assert.Equal("sku", targets["Item Code"]);
        Assert.Equal("name", targets["Item Name"]);
        Assert.Equal("hsn_sac", targets["HSN"]);
        Assert.Equal("unit_symbol", targets["Unit"]);
        Assert.Equal("sale_rate", targets["Selling Price"]);
        Assert.Equal("gst_rate", targets["GST Rate"]);

        var report = await client.ValidateAsync(jobId);
        Assert.Equal(3, report.GetProperty("would_insert").GetInt64());
        Assert.Equal(1, report.GetProperty("errors_by_field").GetProperty("sale_rate").GetInt64());

        await client.ExecuteAsync(jobId);
        var progress = await client.WaitUntilFinishedAsync(jobId);
        Assert.Equal("completed_with_errors", progress.GetProperty("status").GetString());
        Assert.Equal(3, progress.GetProperty("records_succeeded").GetInt64());
        Assert.Equal(1, progress.GetProperty("records_failed").GetInt64());

        var products = (await client.ErpAsync("products", jobId)).Items().ToDictionary(p => p.GetProperty("sku").GetString()!);
        Assert.Equal(3, products.Count);
        var rice = products[$"RICE-{tag}"];
        Assert.Equal("Basmati Rice 5 kg", rice.GetProperty("name").GetString());
        Assert.Equal("1006", rice.GetProperty("hsn_sac").GetString());
        Assert.Equal("Bag", rice.GetProperty("unit_symbol").GetString());
        Assert.Equal(1250.50m, rice.GetProperty("sale_rate").GetDecimal());
        Assert.Equal(5m, rice.GetProperty("gst_rate").GetDecimal());
        Assert.Equal("goods", rice.GetProperty("product_type").GetString());
        Assert.Equal("0401", products[$"MILK-{tag}"].GetProperty("hsn_sac").GetString());
        Assert.Equal(18m, products[$"PEN-{tag}"].GetProperty("gst_rate").GetDecimal());
        Assert.False(products.ContainsKey($"BAD-{tag}"));

        var error = Assert.Single((await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/logs?level=error")).Items());
        Assert.Equal("row 4", error.GetProperty("source_location").GetString());
        Assert.Contains("sale_rate", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        await client.RollbackAndWaitAsync(jobId);
        Assert.Equal(0, (await client.ErpAsync("products", jobId)).Total());
        Assert.DoesNotContain((await client.ErpAsync("products")).Items(), p => p.GetProperty("sku").GetString()!.EndsWith(tag, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_item_without_a_code_is_keyed_by_its_name()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var name = $"Service Visit {TestData.Tag()}";

        var (jobId, progress) = await client.ImportAsync("products", TestData.Csv("Item Name,Item Type,Selling Price", $"{name},Service,500"));

        Assert.Equal("completed", progress.GetProperty("status").GetString());
        var product = Assert.Single((await client.ErpAsync("products", jobId)).Items());
        Assert.Equal(name, product.GetProperty("sku").GetString());
        Assert.Equal("service", product.GetProperty("product_type").GetString());
    }
}
