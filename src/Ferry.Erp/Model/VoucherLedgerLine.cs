namespace Ferry.Erp.Model;

/// <summary>One posting of a voucher to a ledger; exactly one of debit and credit is non-zero.</summary>
public sealed class VoucherLedgerLine
{
    public long Id { get; set; }

    public Guid OrganizationId { get; set; }

    public long VoucherId { get; set; }

    public int LineNo { get; set; }

    public long? LedgerId { get; set; }

    public required string LedgerName { get; set; }

    public decimal Debit { get; set; }

    public decimal Credit { get; set; }

    /// <summary>Bill-wise allocations (New Ref / Agst Ref / Advance / On Account) as JSON.</summary>
    public string? BillAllocations { get; set; }
}
