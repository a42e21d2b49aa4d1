using System.Text.Json;
using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Erp.Books;
using Ferry.Erp.Model;
using Ferry.Tests.Fixtures;

namespace Ferry.Data.Tests.Books;

/// <summary>
/// The books are imported, then exported again after changes in Tally: Cash opens at 31,000 and the capital at
/// 60,000 (still tied), receipt R-1 is for 1,500 instead of 1,180, and journal J-1 is paid from the bank instead of
/// cash (same amounts, other ledger). Update brings the ERP up to date and rollback puts it back exactly; skip
/// leaves it as it was and the reconciliation shows where the ERP differs.
/// </summary>
public sealed class ChangedBooksTests
{
    static TallyXmlBuilder ChangedBooks() => SampleBook.Masters(capital: 60000m, cash: -31000m).Message(
        SampleBook.Sale(), SampleBook.Payment(), SampleBook.Receipt(1500m), SampleBook.Journal("HDFC Bank"),
        SampleBook.Contra(), SampleBook.CreditNote(), SampleBook.DebitNote());

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Update_changes_the_voucher_and_ledgers_and_rolling_it_back_restores_their_amounts_and_lines_exactly(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;
        var first = await database.ImportBooksAsync(org, SampleBook.Whole());
        var before = await SnapshotAsync(database, org);

        var second = await database.ImportBooksAsync(org, ChangedBooks(), ConflictStrategy.Update);

        Assert.Equal(JobStatus.Completed, second.Status);
        var counts = BookImports.EntityCounts(second);
        Assert.Equal((2L, 7L), (counts[BookEntities.Ledgers].Updated, counts[BookEntities.Ledgers].Unchanged));
        Assert.Equal((2L, 5L), (counts[BookEntities.Vouchers].Updated, counts[BookEntities.Vouchers].Unchanged));
        Assert.Equal(0, second.RecordsInserted);
        var ledgers = (await database.RowsAsync<Ledger>(org)).ToDictionary(l => l.Name);
        Assert.Equal((31000m, "Dr", second.Id), (ledgers["Cash"].OpeningBalance, ledgers["Cash"].OpeningBalanceSide, ledgers["Cash"].LastJobId!.Value));
        Assert.Equal((60000m, "Cr", second.Id), (ledgers["Capital"].OpeningBalance, ledgers["Capital"].OpeningBalanceSide, ledgers["Capital"].LastJobId!.Value));
        var vouchers = await database.VouchersAsync(org);
        Assert.Equal((1500m, second.Id), (vouchers["R-1"].TotalAmount, vouchers["R-1"].LastJobId!.Value));
        Assert.Equal([("Globex Retail", 0m, 1500m), ("Cash", 1500m, 0m)], vouchers["R-1"].LedgerLines.Select(l => (l.LedgerName, l.Debit, l.Credit)));
        Assert.Equal([("Google Ads", 500m, 0m), ("HDFC Bank", 0m, 500m)], vouchers["J-1"].LedgerLines.Select(l => (l.LedgerName, l.Debit, l.Credit)));
        Assert.Equal(ledgers["HDFC Bank"].Id, vouchers["J-1"].LedgerLines[1].LedgerId);
        Assert.Equal(second.Id, vouchers["J-1"].LastJobId);

        var rolledBack = await database.RollbackAsync(org, second.Id);

        Assert.Equal(JobStatus.RolledBack, rolledBack.Status);
        using (var summary = JsonDocument.Parse(rolledBack.RollbackSummary!))
        {
            Assert.Equal((0L, 0L), (summary.RootElement.GetProperty("deleted").GetInt64(), summary.RootElement.GetProperty("conflicts").GetInt64()));
        }
        var after = await SnapshotAsync(database, org);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, row => Assert.Equal(row.Value, after[row.Key]));
        Assert.Equal(first.Id, (await database.VouchersAsync(org))["J-1"].LastJobId);

        var firstUndone = await database.RollbackAsync(org, first.Id);

        Assert.Empty(await database.VouchersAsync(org));
        Assert.Empty(await database.RowsAsync<Ledger>(org));
        using (var summary = JsonDocument.Parse(firstUndone.RollbackSummary!))
        {
            Assert.Equal(0, summary.RootElement.GetProperty("conflicts").GetInt64());
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Skip_keeps_the_changed_voucher_and_ledgers_as_they_are_says_so_and_the_reconciliation_shows_the_difference(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;
        await database.ImportBooksAsync(org, SampleBook.Whole());
        var before = await SnapshotAsync(database, org);

        var second = await database.ImportBooksAsync(org, ChangedBooks(), ConflictStrategy.Skip);

        Assert.Equal(JobStatus.Completed, second.Status);
        var counts = BookImports.EntityCounts(second);
        Assert.Equal((0L, 2L, 7L), (counts[BookEntities.Ledgers].Updated, counts[BookEntities.Ledgers].Kept, counts[BookEntities.Ledgers].Unchanged));
        Assert.Equal((0L, 2L, 5L), (counts[BookEntities.Vouchers].Updated, counts[BookEntities.Vouchers].Kept, counts[BookEntities.Vouchers].Unchanged));
        Assert.Equal(before, await SnapshotAsync(database, org));
        var kept = (await database.LogsAsync(second.Id)).Where(l => l.Operation is "keep_ledger" or "keep_voucher").Select(l => l.Message).ToList();
        Assert.Equal(4, kept.Count);
        Assert.Contains(kept, m => m.StartsWith("Ledger 'Cash' differs from the ERP", StringComparison.Ordinal) && m.Contains("opening_balance", StringComparison.Ordinal));
        Assert.Contains(kept, m => m.StartsWith("Receipt voucher R-1 of 2024-04-03 differs from the ERP", StringComparison.Ordinal) && m.Contains("lines", StringComparison.Ordinal));
        Assert.Contains(kept, m => m.StartsWith("Journal voucher J-1 of 2024-04-04 differs from the ERP", StringComparison.Ordinal) && m.Contains("lines", StringComparison.Ordinal));
        Assert.All(kept, m => Assert.EndsWith("kept as it is (conflict strategy skip)", m, StringComparison.Ordinal));

        using var reconciliation = BookImports.Reconciliation(second);
        var receipts = reconciliation.RootElement.GetProperty("vouchers_by_type").GetProperty("Receipt");
        Assert.Equal((1L, 1500m), (receipts.GetProperty("source").GetProperty("count").GetInt64(), receipts.GetProperty("source").GetProperty("debit").GetDecimal()));
        Assert.Equal((1L, 1180m), (receipts.GetProperty("erp").GetProperty("count").GetInt64(), receipts.GetProperty("erp").GetProperty("debit").GetDecimal()));
        Assert.False(receipts.GetProperty("matches").GetBoolean());
        Assert.True(reconciliation.RootElement.GetProperty("vouchers_by_type").GetProperty("Journal").GetProperty("matches").GetBoolean());
        Assert.False(reconciliation.RootElement.GetProperty("matches").GetBoolean());
    }

    /// <summary>Every ledger and voucher, lines included (all but the lines' own ids), by natural key.</summary>
    static async Task<Dictionary<string, string>> SnapshotAsync(TestDatabase database, Guid org)
    {
        var snapshot = (await database.RowsAsync<Ledger>(org)).ToDictionary(l => "ledger " + l.NaturalKey, l => JsonSerializer.Serialize(l));
        foreach (var v in (await database.VouchersAsync(org)).Values)
        {
            snapshot["voucher " + v.NaturalKey] = JsonSerializer.Serialize(new
            {
                v.Id, v.VoucherType, v.VoucherTypeName, v.Number, v.Date, v.Reference, v.Narration, v.PartyLedgerId, v.PartyName, v.TotalAmount,
                v.SourceGuid, v.CreatedJobId, v.LastJobId, v.SourceLocation, v.CreatedAt, v.UpdatedAt,
                Ledger = v.LedgerLines.Select(l => new { l.LineNo, l.LedgerId, l.LedgerName, l.Debit, l.Credit, l.BillAllocations }),
                Items = v.InventoryLines.Select(l => new { l.LineNo, l.ProductId, l.ItemName, l.WarehouseId, l.WarehouseName, l.Batch, l.Quantity, l.Rate, l.Amount, l.AccountLedgerName }),
            });
        }
        return snapshot;
    }
}
