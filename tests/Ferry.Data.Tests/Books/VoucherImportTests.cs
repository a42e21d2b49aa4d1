using System.Text.Json;
using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Erp.Books;
using Ferry.Erp.Model;

namespace Ferry.Data.Tests.Books;

/// <summary>Tally vouchers become ERP vouchers whose lines carry the side, amount and ledger of every posting; vouchers that do not touch the books stay out.</summary>
public sealed class VoucherImportTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Every_kind_of_accounting_voucher_imports_with_its_type_lines_sides_total_and_party(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;

        var job = await database.ImportBooksAsync(org, SampleBook.Whole());

        Assert.Equal(JobStatus.Completed, job.Status);
        var ledgers = (await database.RowsAsync<Ledger>(org)).ToDictionary(l => l.Name, l => l.Id);
        var vouchers = await database.VouchersAsync(org);
        Assert.Equal(["C-1", "CN-1", "DN-1", "INV-101", "J-1", "P-1", "R-1"], vouchers.Keys.Order(StringComparer.Ordinal));
        Assert.All(vouchers.Values, v =>
        {
            Assert.Equal(Enumerable.Range(1, v.LedgerLines.Count), v.LedgerLines.Select(l => l.LineNo));
            Assert.All(v.LedgerLines, l => Assert.Equal(ledgers[l.LedgerName], l.LedgerId));
            Assert.All(v.LedgerLines, l => Assert.True(l.Debit == 0 ^ l.Credit == 0));
            Assert.Equal(v.LedgerLines.Sum(l => l.Debit), v.LedgerLines.Sum(l => l.Credit));
            Assert.Equal(v.LedgerLines.Sum(l => l.Debit), v.TotalAmount);
            Assert.Equal(ledgers[v.PartyName!], v.PartyLedgerId);
            Assert.Equal(job.Id, v.CreatedJobId);
            Assert.NotNull(v.SourceGuid);
        });

        var sale = vouchers["INV-101"];
        Assert.Equal(("sales", "GST Sales", new DateOnly(2024, 4, 1), "Globex Retail", 1180m), Header(sale));
        Assert.Equal([("Globex Retail", 1180m, 0m), ("Output IGST", 0m, 180m), ("Sales @18%", 0m, 1000m)], Lines(sale));
        using (var bills = JsonDocument.Parse(sale.LedgerLines[0].BillAllocations!))
        {
            var bill = Assert.Single(bills.RootElement.EnumerateArray());
            Assert.Equal(("INV-101", "New Ref", 1180m, "Dr", "30 Days"), Bill(bill));
        }
        Assert.Null(sale.LedgerLines[1].BillAllocations);
        var products = (await database.RowsAsync<Product>(org)).ToDictionary(p => p.Name, p => p.Id);
        var warehouses = (await database.RowsAsync<Warehouse>(org)).ToDictionary(w => w.Name, w => w.Id);
        var item = Assert.Single(sale.InventoryLines);
        Assert.Equal((1, "Choco Bar 50g", products["Choco Bar 50g"], "Main Location", warehouses["Main Location"], "Primary Batch", -40m, 25m, 1000m, "Sales @18%"),
            (item.LineNo, item.ItemName, item.ProductId!.Value, item.WarehouseName, item.WarehouseId!.Value, item.Batch, item.Quantity, item.Rate!.Value, item.Amount, item.AccountLedgerName));

        var payment = vouchers["P-1"];
        Assert.Equal(("payment", "Payment", new DateOnly(2024, 4, 2), "Om Plastics", 2000m), Header(payment));
        Assert.Equal([("Om Plastics", 2000m, 0m), ("HDFC Bank", 0m, 2000m)], Lines(payment));
        using (var bills = JsonDocument.Parse(payment.LedgerLines[0].BillAllocations!))
        {
            Assert.Equal(("OP-77", "Agst Ref", 2000m, "Dr", "30 Days"), Bill(Assert.Single(bills.RootElement.EnumerateArray())));
        }

        var receipt = vouchers["R-1"];
        Assert.Equal(("receipt", "Receipt", new DateOnly(2024, 4, 3), "Globex Retail", 1180m), Header(receipt));
        Assert.Equal([("Globex Retail", 0m, 1180m), ("Cash", 1180m, 0m)], Lines(receipt));
        using (var bills = JsonDocument.Parse(receipt.LedgerLines[0].BillAllocations!))
        {
            Assert.Equal(("INV-101", "Agst Ref", 1180m, "Cr", "30 Days"), Bill(Assert.Single(bills.RootElement.EnumerateArray())));
        }

        var journal = vouchers["J-1"];
        Assert.Equal(("journal", "Journal", new DateOnly(2024, 4, 4), "Google Ads", 500m), Header(journal));
        Assert.Equal([("Google Ads", 500m, 0m), ("Cash", 0m, 500m)], Lines(journal));
        Assert.Equal("Ads for April", journal.Narration);

        Assert.Equal(("contra", "Contra", new DateOnly(2024, 4, 5), "Cash", 10000m), Header(vouchers["C-1"]));
        Assert.Equal([("Cash", 10000m, 0m), ("HDFC Bank", 0m, 10000m)], Lines(vouchers["C-1"]));
        Assert.Equal(("credit_note", "Credit Note", new DateOnly(2024, 4, 6), "Globex Retail", 100m), Header(vouchers["CN-1"]));
        Assert.Equal([("Sales @18%", 100m, 0m), ("Globex Retail", 0m, 100m)], Lines(vouchers["CN-1"]));
        Assert.Equal(("debit_note", "Debit Note", new DateOnly(2024, 4, 7), "Om Plastics", 200m), Header(vouchers["DN-1"]));
        Assert.Equal([("Om Plastics", 200m, 0m), ("Purchases", 0m, 200m)], Lines(vouchers["DN-1"]));
        Assert.All(vouchers.Values.Where(v => v.Number != "INV-101"), v => Assert.Empty(v.InventoryLines));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Cancelled_optional_order_and_memorandum_vouchers_are_skipped_logged_and_counted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;

        var job = await database.ImportBooksAsync(org, SampleBook.Whole());

        Assert.Equal(JobStatus.Completed, job.Status);
        var counts = BookImports.EntityCounts(job)[BookEntities.Vouchers];
        Assert.Equal((7L, 4L, 0L), (counts.Inserted, counts.Skipped, counts.Failed));
        var vouchers = await database.VouchersAsync(org);
        Assert.DoesNotContain(vouchers.Keys, n => n is "J-2" or "R-2" or "SO-1" or "M-1");
        var skips = (await database.LogsAsync(job.Id)).Where(l => l.Operation == "skip_voucher").Select(l => l.Message).ToList();
        Assert.Equal(
            [
                "Journal voucher J-2 of 2024-04-08 skipped: it is cancelled in Tally",
                "Receipt voucher R-2 of 2024-04-09 skipped: it is an optional voucher",
                "Sales Order voucher SO-1 of 2024-04-10 skipped: orders do not touch the books",
                "Memorandum voucher M-1 of 2024-04-11 skipped: memorandum vouchers do not touch the books",
            ],
            skips);
        using var reconciliation = BookImports.Reconciliation(job);
        var skipped = reconciliation.RootElement.GetProperty("skipped_vouchers");
        Assert.Equal((1L, 1L, 1L, 1L), (skipped.GetProperty("cancelled").GetInt64(), skipped.GetProperty("optional").GetInt64(),
            skipped.GetProperty("order").GetInt64(), skipped.GetProperty("memorandum").GetInt64()));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_unbalanced_voucher_fails_with_MIG004_naming_its_number_and_difference_and_stays_out_of_the_ERP(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;

        var job = await database.ImportBooksAsync(org, SampleBook.Whole().Message(SampleBook.Unbalanced()));

        Assert.Equal(JobStatus.CompletedWithErrors, job.Status);
        Assert.Equal(1, job.RecordsFailed);
        var error = Assert.Single(await database.LogsAsync(job.Id), l => l.Level == JobLogLevel.Error);
        Assert.Equal(ErrorCodes.ValidationFailed, error.ErrorCode);
        Assert.Equal("Journal voucher J-3 of 2024-04-12 failed: it does not balance: its debits and credits differ by 0.50 (Dr); correct it in Tally and export again",
            error.Message);
        Assert.StartsWith("daybook.xml line ", error.SourceLocation, StringComparison.Ordinal);
        Assert.DoesNotContain("J-3", (await database.VouchersAsync(org)).Keys);
        var counts = BookImports.EntityCounts(job)[BookEntities.Vouchers];
        Assert.Equal((7L, 1L), (counts.Inserted, counts.Failed));
    }

    static (string, string?, DateOnly, string?, decimal) Header(Voucher v) => (v.VoucherType, v.VoucherTypeName, v.Date, v.PartyName, v.TotalAmount);

    static List<(string, decimal, decimal)> Lines(Voucher v) => [.. v.LedgerLines.Select(l => (l.LedgerName, l.Debit, l.Credit))];

    static (string?, string?, decimal, string?, string?) Bill(JsonElement bill) => (
        bill.GetProperty("name").GetString(), bill.GetProperty("type").GetString(), bill.GetProperty("amount").GetDecimal(),
        bill.GetProperty("side").GetString(), bill.GetProperty("credit_period").GetString());
}
