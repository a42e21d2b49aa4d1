namespace Ferry.Erp.Books;

/// <summary>
/// A whole-books import's choices: the ledger that takes the difference in opening balances, and whether ledgers or
/// items that vouchers name but nobody imported become placeholders under Suspense or fail their vouchers.
/// </summary>
public sealed record BookOptions
{
    public const string DefaultAdjustmentLedger = "Difference in Opening Balances";
    public const string SuspenseGroup = "Suspense A/c";

    public string AdjustmentLedger { get; init; } = DefaultAdjustmentLedger;

    public bool CreateMissingMasters { get; init; }
}
