namespace Ferry.Erp.Model;

/// <summary>An accounting document (sales, purchase, payment, receipt, journal, contra, credit or debit note).</summary>
public sealed class Voucher : ErpRow
{
    /// <summary>Base type: sales, purchase, payment, receipt, journal, contra, credit_note, debit_note.</summary>
    public required string VoucherType { get; set; }

    /// <summary>The source's own name for the type, e.g. a custom "GST Sales".</summary>
    public string? VoucherTypeName { get; set; }

    public required string Number { get; set; }

    public DateOnly Date { get; set; }

    public string? Reference { get; set; }

    public DateOnly? ReferenceDate { get; set; }

    public string? Narration { get; set; }

    public long? PartyLedgerId { get; set; }

    public string? PartyName { get; set; }

    public decimal TotalAmount { get; set; }

    public string? SourceGuid { get; set; }

    public List<VoucherLedgerLine> LedgerLines { get; set; } = [];

    public List<VoucherInventoryLine> InventoryLines { get; set; } = [];
}
