namespace Ferry.Erp.Books;

/// <summary>What the source holds, for reconciliation: distinct objects per entity, importable vouchers per type, opening balances.</summary>
public sealed record BookTotals(
    IReadOnlyDictionary<string, long> Entities,
    IReadOnlyDictionary<string, VoucherTypeTotal> VoucherTypes,
    OpeningBalances Openings,
    DateOnly? FirstVoucherDate,
    DateOnly? LastVoucherDate,
    IReadOnlyDictionary<string, long> SkippedVouchers,
    long UnbalancedVouchers);

public sealed record VoucherTypeTotal(long Count, decimal Debit, decimal Credit);

/// <summary>
/// Opening trial balance: ledger openings by side, the opening stock value (a debit), and what is left over
/// (debit minus credit; zero when the books tie).
/// </summary>
public sealed record OpeningBalances(decimal Debit, decimal Credit, decimal StockValue)
{
    public decimal Difference => Debit + StockValue - Credit;
}
