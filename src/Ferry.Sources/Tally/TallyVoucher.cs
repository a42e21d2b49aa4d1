namespace Ferry.Sources.Tally;

/// <summary>
/// A voucher. <see cref="Type"/> is VCHTYPE as written (falling back to VOUCHERTYPENAME); it may be a custom type whose
/// base type the VOUCHERTYPE masters tell.
/// </summary>
public sealed record TallyVoucher(
    string? Guid,
    string Type,
    string? Number,
    DateOnly? Date,
    string? Reference,
    string? Narration,
    string? Party,
    bool IsCancelled,
    bool IsDeleted,
    bool IsOptional,
    bool IsInvoice,
    IReadOnlyList<TallyLedgerEntry> LedgerEntries,
    IReadOnlyList<TallyInventoryEntry> InventoryEntries) : TallyObject
{
    /// <summary>Every posting to a ledger: the ledger lines, then the accounting allocations inside inventory lines.</summary>
    public IEnumerable<TallyLedgerEntry> Postings => LedgerEntries.Concat(InventoryEntries.SelectMany(i => i.AccountingAllocations));

    /// <summary>The sum of all postings; zero when the voucher balances.</summary>
    public decimal Imbalance => Postings.Sum(e => e.Amount);

    /// <summary>The debits of the postings (negative amounts), as a positive total.</summary>
    public decimal DebitTotal => Postings.Where(e => e.Amount < 0).Sum(e => -e.Amount);
}

/// <summary>A ledger line. <see cref="IsDeemedPositive"/> is kept as written; only the sign of the amount decides the side.</summary>
public sealed record TallyLedgerEntry(
    string Ledger,
    decimal Amount,
    bool? IsDeemedPositive,
    bool? IsPartyLedger,
    IReadOnlyList<TallyBillAllocation> Bills)
{
    public TallySide Side => TallySides.Of(Amount);
}

/// <summary>A bill reference on a ledger line; <see cref="BillType"/> is New Ref, Agst Ref, Advance or On Account.</summary>
public sealed record TallyBillAllocation(string Name, string? BillType, decimal? Amount, string? CreditPeriod)
{
    public TallySide? Side => TallySides.Of(Amount);
}

/// <summary>An item line; the ledger postings it makes are its <see cref="AccountingAllocations"/>.</summary>
public sealed record TallyInventoryEntry(
    string Item,
    bool? IsDeemedPositive,
    TallyQuantity? Quantity,
    TallyQuantity? BilledQuantity,
    TallyRate? Rate,
    decimal? Amount,
    IReadOnlyList<TallyBatchAllocation> Batches,
    IReadOnlyList<TallyLedgerEntry> AccountingAllocations)
{
    /// <summary>Inward (Yes on purchases) or outward; when the flag is missing, the amount's sign tells (inward is debit).</summary>
    public bool IsInward => IsDeemedPositive ?? Amount < 0;
}

public sealed record TallyBatchAllocation(string? Godown, string? Batch, TallyQuantity? Quantity, decimal? Amount);
