using System.Globalization;
using System.Text.Json;
using Ferry.Erp.Model;

namespace Ferry.Data.Books;

/// <summary>
/// A voucher's lines as a whole: compared as a whole when the same voucher is imported again, and kept in the rollback
/// journal as a whole (table <see cref="JournalTable"/>, row = the voucher) when an update replaces them.
/// </summary>
static class VoucherLines
{
    public const string JournalTable = "voucher_lines";

    readonly record struct LedgerLine(string Ledger, long? LedgerId, decimal Debit, decimal Credit, string? Bills);

    readonly record struct ItemLine(string Item, long? ProductId, string? Warehouse, long? WarehouseId, string? Batch, decimal Quantity, decimal? Rate, decimal Amount, string? AccountLedger);

    public static bool Same(Voucher a, Voucher b) =>
        a.LedgerLines.OrderBy(l => l.LineNo).Select(Of).SequenceEqual(b.LedgerLines.OrderBy(l => l.LineNo).Select(Of))
        && a.InventoryLines.OrderBy(l => l.LineNo).Select(Of).SequenceEqual(b.InventoryLines.OrderBy(l => l.LineNo).Select(Of));

    static LedgerLine Of(VoucherLedgerLine l) => new(l.LedgerName, l.LedgerId, l.Debit, l.Credit, l.BillAllocations);

    static ItemLine Of(VoucherInventoryLine l) => new(l.ItemName, l.ProductId, l.WarehouseName, l.WarehouseId, l.Batch, l.Quantity, l.Rate, l.Amount, l.AccountLedgerName);

    public static string Image(Voucher voucher) => JsonSerializer.Serialize(new Snapshot(
        [.. voucher.LedgerLines.OrderBy(l => l.LineNo).Select(l => new LedgerSnapshot(l.LineNo, l.LedgerId, l.LedgerName, l.Debit, l.Credit, l.BillAllocations))],
        [.. voucher.InventoryLines.OrderBy(l => l.LineNo).Select(l => new ItemSnapshot(l.LineNo, l.ProductId, l.ItemName, l.WarehouseId, l.WarehouseName, l.Batch, l.Quantity, l.Rate, l.Amount, l.AccountLedgerName))]),
        Json);

    /// <summary>The lines a before-image held, ready to be added back to the voucher.</summary>
    public static (List<VoucherLedgerLine> Ledger, List<VoucherInventoryLine> Items) Restore(string image, Guid organizationId, long voucherId)
    {
        var snapshot = JsonSerializer.Deserialize<Snapshot>(image, Json)
            ?? throw new InvalidOperationException($"The journal holds no lines for voucher {voucherId.ToString(CultureInfo.InvariantCulture)}.");
        return (
            [.. snapshot.LedgerLines.Select(l => new VoucherLedgerLine
            {
                OrganizationId = organizationId, VoucherId = voucherId, LineNo = l.LineNo, LedgerId = l.LedgerId, LedgerName = l.LedgerName,
                Debit = l.Debit, Credit = l.Credit, BillAllocations = l.BillAllocations,
            })],
            [.. snapshot.InventoryLines.Select(l => new VoucherInventoryLine
            {
                OrganizationId = organizationId, VoucherId = voucherId, LineNo = l.LineNo, ProductId = l.ProductId, ItemName = l.ItemName,
                WarehouseId = l.WarehouseId, WarehouseName = l.WarehouseName, Batch = l.Batch, Quantity = l.Quantity, Rate = l.Rate,
                Amount = l.Amount, AccountLedgerName = l.AccountLedgerName,
            })]);
    }

    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    sealed record Snapshot(List<LedgerSnapshot> LedgerLines, List<ItemSnapshot> InventoryLines);

    sealed record LedgerSnapshot(int LineNo, long? LedgerId, string LedgerName, decimal Debit, decimal Credit, string? BillAllocations);

    sealed record ItemSnapshot(int LineNo, long? ProductId, string ItemName, long? WarehouseId, string? WarehouseName, string? Batch,
        decimal Quantity, decimal? Rate, decimal Amount, string? AccountLedgerName);
}
