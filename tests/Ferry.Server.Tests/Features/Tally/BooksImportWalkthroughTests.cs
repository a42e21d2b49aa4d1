using System.Text.Json;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Tally;

/// <summary>The curl walk-through on a Tally export: every step answers as a whole-books import, and the ERP ends up holding the books.</summary>
public sealed class BooksImportWalkthroughTests(FerryApp app) : IClassFixture<FerryApp>
{
    static readonly string[] AllDataTypes = ["contacts", "products", "ledgers", "vouchers", "stock", "company"];

    [Fact]
    public async Task A_Tally_export_goes_from_upload_to_reconciled_books_in_the_ERP()
    {
        using var client = await app.ClientOfNewOrganizationAsync();

        var created = await client.CreateBooksJobAsync();
        var jobId = created.GetProperty("id").GetGuid();
        Assert.Empty(created.GetProperty("data_types").EnumerateArray());

        var uploaded = await client.UploadBooksAsync(jobId, TallyExport.Books().Utf16());
        Assert.Equal(("uploaded", "tally"), (uploaded.GetProperty("status").GetString(), uploaded.GetProperty("source_type").GetString()));
        Assert.Equal(AllDataTypes, uploaded.GetProperty("data_types").EnumerateArray().Select(t => t.GetString()));
        var file = uploaded.GetProperty("file");
        Assert.Equal(("tally-xml", "utf-16le"), (file.GetProperty("format").GetString(), file.GetProperty("encoding").GetString()));
        var books = file.GetProperty("books");
        Assert.Equal(TallyExport.Company, books.GetProperty("company").GetString());
        var entities = books.GetProperty("entities");
        Assert.Equal((1, 2, 1, 1), (Count(entities, "company"), Count(entities, "account_groups"), Count(entities, "units"), Count(entities, "warehouses")));
        // Five ledgers of the file and the adjustment ledger that takes the 3,000 of opening stock.
        Assert.Equal((6, 1, 1, 1, 3), (Count(entities, "ledgers"), Count(entities, "contacts"), Count(entities, "products"), Count(entities, "opening_stock"), Count(entities, "vouchers")));
        var byType = books.GetProperty("vouchers_by_type");
        Assert.Equal((1L, 1180m, 1180m), Totals(byType.GetProperty("GST Sales")));
        Assert.Equal((1L, 1180m, 1180m), Totals(byType.GetProperty("Receipt")));
        Assert.Equal((1L, 10m, 10m), Totals(byType.GetProperty("Journal")));
        Assert.Equal(("2024-04-01", "2024-04-06"), (books.GetProperty("period_from").GetString(), books.GetProperty("period_to").GetString()));
        Assert.Equal(0, books.GetProperty("unbalanced_vouchers").GetInt64());
        Assert.Equal(books.GetProperty("entries").GetInt64(), uploaded.GetProperty("counts").GetProperty("records_total").GetInt64());

        var mapping = await client.AutoMapAsync(jobId);
        Assert.Empty(mapping.GetProperty("mappings").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, mapping.GetProperty("data_type").ValueKind);
        Assert.Equal("mapped", await client.StatusOfAsync(jobId));

        var report = await client.ValidateAsync(jobId);
        var predicted = report.GetProperty("by_entity");
        Assert.Equal((6, 1, 1, 1, 3), (Inserted(predicted, "ledgers"), Inserted(predicted, "contacts"), Inserted(predicted, "products"),
            Inserted(predicted, "opening_stock"), Inserted(predicted, "vouchers")));
        Assert.Equal(0, report.GetProperty("records_invalid").GetInt64());
        Assert.Empty(report.GetProperty("missing_masters").EnumerateObject());
        Assert.Equal(0, (await client.ErpAsync("ledgers")).Total());

        await client.ExecuteAsync(jobId);
        var progress = await client.WaitUntilFinishedAsync(jobId);
        Assert.Equal("completed", progress.GetProperty("status").GetString());

        var job = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}");
        var byEntity = job.GetProperty("by_entity");
        Assert.Equal((6, 1, 1, 1, 3), (Inserted(byEntity, "ledgers"), Inserted(byEntity, "contacts"), Inserted(byEntity, "products"),
            Inserted(byEntity, "opening_stock"), Inserted(byEntity, "vouchers")));
        var reconciliation = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/reconciliation");
        Assert.Equal(job.GetProperty("reconciliation").GetRawText(), reconciliation.GetRawText());
        Assert.True(reconciliation.GetProperty("matches").GetBoolean(), reconciliation.ToString());
        foreach (var entity in reconciliation.GetProperty("entities").EnumerateObject())
        {
            Assert.True(entity.Value.GetProperty("source").GetInt64() == entity.Value.GetProperty("erp").GetInt64(), $"{entity.Name}: {entity.Value}");
        }
        Assert.Equal(3, reconciliation.GetProperty("entities").GetProperty("vouchers").GetProperty("erp").GetInt64());
        Assert.Equal(["GST Sales", "Journal", "Receipt"], reconciliation.GetProperty("vouchers_by_type").EnumerateObject().Select(t => t.Name));
        Assert.All(reconciliation.GetProperty("vouchers_by_type").EnumerateObject(), t => Assert.True(t.Value.GetProperty("matches").GetBoolean(), t.ToString()));
        var adjustment = reconciliation.GetProperty("opening_trial_balance").GetProperty("adjustment");
        Assert.Equal(("Difference in Opening Balances", TallyExport.OpeningDifference, "Cr"),
            (adjustment.GetProperty("ledger").GetString(), adjustment.GetProperty("amount").GetDecimal(), adjustment.GetProperty("side").GetString()));

        var ledgers = await client.ErpAsync("ledgers", jobId);
        Assert.Equal(["Capital", "Cash", "Difference in Opening Balances", "Globex Retail", "Output IGST", "Sales @18%"],
            ledgers.Items().Select(l => l.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        var globexLedger = ledgers.Named("name", "Globex Retail");
        Assert.Equal((5000m, "Dr", "Sundry Debtors"), (globexLedger.GetProperty("opening_balance").GetDecimal(),
            globexLedger.GetProperty("opening_balance_side").GetString(), globexLedger.GetProperty("group_name").GetString()));
        var globex = (await client.ErpAsync("contacts", jobId)).Named("display_name", "Globex Retail");
        Assert.Equal(("customer", TallyExport.Globex.Gstin, globexLedger.GetProperty("id").GetInt64()),
            (globex.GetProperty("contact_type").GetString(), globex.GetProperty("gstin").GetString(), globex.GetProperty("ledger_id").GetInt64()));
        var choco = (await client.ErpAsync("products", jobId)).Named("name", "Choco Bar 50g");
        Assert.Equal("18063100", choco.GetProperty("hsn_sac").GetString());
        var opening = Assert.Single((await client.ErpAsync("stock-movements", jobId)).Items());
        Assert.Equal((120m, 3000m, choco.GetProperty("id").GetInt64()),
            (opening.GetProperty("quantity").GetDecimal(), opening.GetProperty("value").GetDecimal(), opening.GetProperty("product_id").GetInt64()));
        var vouchers = await client.ErpAsync("vouchers", jobId);
        Assert.Equal(3, vouchers.Total());
        var invoice = vouchers.Named("number", "INV-101");
        Assert.Equal(("sales", "GST Sales", "2024-04-01", 1180m), (invoice.GetProperty("voucher_type").GetString(),
            invoice.GetProperty("voucher_type_name").GetString(), invoice.GetProperty("date").GetString(), invoice.GetProperty("total_amount").GetDecimal()));
        Assert.Equal(globexLedger.GetProperty("id").GetInt64(), invoice.GetProperty("party_ledger_id").GetInt64());
        var lines = invoice.GetProperty("ledger_lines").EnumerateArray().ToDictionary(l => l.GetProperty("ledger_name").GetString()!);
        Assert.Equal((1180m, 0m), (lines["Globex Retail"].GetProperty("debit").GetDecimal(), lines["Globex Retail"].GetProperty("credit").GetDecimal()));
        Assert.Equal((0m, 1000m), (lines["Sales @18%"].GetProperty("debit").GetDecimal(), lines["Sales @18%"].GetProperty("credit").GetDecimal()));
        Assert.Equal((0m, 180m), (lines["Output IGST"].GetProperty("debit").GetDecimal(), lines["Output IGST"].GetProperty("credit").GetDecimal()));
        var item = Assert.Single(invoice.GetProperty("inventory_lines").EnumerateArray());
        Assert.Equal(("Choco Bar 50g", -40m, "Main Location"),
            (item.GetProperty("item_name").GetString(), item.GetProperty("quantity").GetDecimal(), item.GetProperty("warehouse_name").GetString()));
        var company = Assert.Single((await client.ErpAsync("company")).Items());
        Assert.Equal((TallyExport.Company, "Karnataka"), (company.GetProperty("name").GetString(), company.GetProperty("state").GetString()));
    }

    static int Count(JsonElement entities, string entity) => entities.GetProperty(entity).GetInt32();

    static int Inserted(JsonElement byEntity, string entity) => byEntity.GetProperty(entity).GetProperty("inserted").GetInt32();

    static (long Count, decimal Debit, decimal Credit) Totals(JsonElement total) =>
        (total.GetProperty("count").GetInt64(), total.GetProperty("debit").GetDecimal(), total.GetProperty("credit").GetDecimal());
}
