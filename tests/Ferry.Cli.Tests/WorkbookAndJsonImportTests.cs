using Ferry.Cli.Tests.Infrastructure;
using Ferry.Data;
using Ferry.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Cli.Tests;

/// <summary>Workbooks and JSON go through the same command as CSV: inspect, pick a sheet, import, roll back.</summary>
public sealed class WorkbookAndJsonImportTests
{
    static readonly string[] Tenant = [FerryDbContext.TenantFilter];

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string Workbook(CliWorkspace workspace)
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Summary")
            .Row(1, "Figures for FY 2023-24").Merge("A1:C1")
            .Row(3, "Region", "Customers", "Sales")
            .Row(4, "West", 2, 1250.50);
        workbook.Sheet("Items")
            .Row(1, "ACME TRADERS").Merge("A1:E1")
            .Row(2, "Stock Item Master").Merge("A2:E2")
            .Row(4, "Item Code", "Item Name", "HSN", "Unit", "Selling Price")
            .Row(5, "RICE-5", "Basmati Rice 5 kg", "1006", "Bag", 1250.5)
            .Row(6, "MILK-1", "Toned Milk 1 L", XlsxCell.Number(401, "0000"), "Ltr", 62)
            .Row(7, "Total", null, null, null, 1312.5);
        var path = Path.Combine(workspace.Folder, "items.xlsx");
        workbook.Save(path);
        return path;
    }

    [Fact]
    public async Task Inspect_of_a_workbook_lists_each_sheet_with_its_header_row_columns_types_and_what_it_holds()
    {
        await using var workspace = await CliWorkspace.CreateAsync();

        var result = await workspace.RunAsync("inspect", Workbook(workspace), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        Assert.Equal("xlsx", json.GetProperty("format").GetString());
        var tables = json.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal(["Summary", "Items"], tables.Keys);
        var items = tables["Items"];
        Assert.Equal(4, items.GetProperty("header_row").GetInt32());
        Assert.Equal(["Item Code", "Item Name", "HSN", "Unit", "Selling Price"], items.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(2, items.GetProperty("row_count").GetInt64());
        Assert.Equal("text", items.GetProperty("column_types").GetProperty("HSN").GetString());
        Assert.Equal("products", items.GetProperty("suggested_data_types")[0].GetProperty("data_type").GetString());
        Assert.Equal(3, tables["Summary"].GetProperty("header_row").GetInt32());
    }

    [Fact]
    public async Task A_sheet_of_items_imports_into_products_keeping_codes_as_text_and_rolls_back()
    {
        await using var workspace = await CliWorkspace.CreateAsync();

        var import = await workspace.RunAsync(["import", Workbook(workspace), "--type", "products", "--sheet", "Items", .. workspace.DatabaseArgs, "--json"]);

        Assert.True(import.ExitCode == 0, import.ToString());
        var json = import.Json();
        Assert.Equal((2L, 2L), (json.GetProperty("records_total").GetInt64(), json.GetProperty("records_inserted").GetInt64()));
        await using (var db = workspace.OpenContext())
        {
            var products = await db.Products.IgnoreQueryFilters(Tenant).OrderBy(p => p.Sku).ToListAsync(Ct);
            Assert.Equal(["MILK-1", "RICE-5"], products.Select(p => p.Sku));
            Assert.Equal("0401", products[0].HsnSac);
            Assert.Equal(1250.5m, products[1].SaleRate);
            Assert.Equal("Items row 5", products[1].SourceLocation);
        }

        var rollback = await workspace.RunAsync(["rollback", json.GetProperty("job_id").GetString()!, .. workspace.DatabaseArgs, "--json"]);

        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        await using var after = workspace.OpenContext();
        Assert.Equal(0, await after.Products.IgnoreQueryFilters(Tenant).CountAsync(Ct));
    }

    [Fact]
    public async Task Contacts_from_a_JSON_API_envelope_import_with_their_nested_address()
    {
        await using var workspace = await CliWorkspace.CreateAsync();
        var file = workspace.WriteFile("contacts.json", System.Text.Encoding.UTF8.GetBytes("""
            {"code":0,"message":"success","contacts":[
              {"contact_name":"Acme Traders","email":"accounts@acme.example.in","gst_no":"27AAPFU0939F1ZV","billing_address":{"city":"Pune","state":"Maharashtra"},"opening_balance":"1,18,000.00"},
              {"contact_name":"Beta Stores","email":"beta@example.in","billing_address":{"city":"Surat","state":"Gujarat"},"opening_balance":0}
            ],"page_context":{"page":1,"has_more_page":false}}
            """));

        var import = await workspace.RunAsync(["import", file, "--type", "contacts", .. workspace.DatabaseArgs, "--json"]);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Equal(2, import.Json().GetProperty("records_inserted").GetInt64());
        await using var db = workspace.OpenContext();
        var acme = await db.Contacts.IgnoreQueryFilters(Tenant).SingleAsync(c => c.DisplayName == "Acme Traders", Ct);
        Assert.Equal(("accounts@acme.example.in", "27AAPFU0939F1ZV", "Pune", "Maharashtra", 118000m),
            (acme.Email, acme.Gstin, acme.Billing.City, acme.Billing.State, acme.OpeningBalance));
        Assert.Equal("record 1", acme.SourceLocation);
    }
}
