namespace Ferry.Erp.Model;

/// <summary>One item line of a voucher: what moved, where from, how much, at what rate.</summary>
public sealed class VoucherInventoryLine
{
    public long Id { get; set; }

    public Guid OrganizationId { get; set; }

    public long VoucherId { get; set; }

    public int LineNo { get; set; }

    public long? ProductId { get; set; }

    public required string ItemName { get; set; }

    public long? WarehouseId { get; set; }

    public string? WarehouseName { get; set; }

    public string? Batch { get; set; }

    /// <summary>Positive when the stock comes in, negative when it goes out.</summary>
    public decimal Quantity { get; set; }

    public decimal? Rate { get; set; }

    public decimal Amount { get; set; }

    /// <summary>The ledger the line's amount is posted to (e.g. "Sales 18%").</summary>
    public string? AccountLedgerName { get; set; }
}
