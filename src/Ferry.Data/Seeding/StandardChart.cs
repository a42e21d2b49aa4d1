using Ferry.Erp.Model;

namespace Ferry.Data.Seeding;

/// <summary>The 28 groups every Indian chart of accounts starts with (Tally's reserved groups), with their nature.</summary>
public static class StandardChart
{
    public static readonly IReadOnlyList<(string Name, string? Parent, AccountNature Nature)> Groups =
    [
        ("Capital Account", null, AccountNature.Liabilities),
        ("Loans (Liability)", null, AccountNature.Liabilities),
        ("Current Liabilities", null, AccountNature.Liabilities),
        ("Fixed Assets", null, AccountNature.Assets),
        ("Investments", null, AccountNature.Assets),
        ("Current Assets", null, AccountNature.Assets),
        ("Branch / Divisions", null, AccountNature.Liabilities),
        ("Misc. Expenses (ASSET)", null, AccountNature.Assets),
        ("Suspense A/c", null, AccountNature.Liabilities),
        ("Sales Accounts", null, AccountNature.Income),
        ("Purchase Accounts", null, AccountNature.Expenses),
        ("Direct Incomes", null, AccountNature.Income),
        ("Indirect Incomes", null, AccountNature.Income),
        ("Direct Expenses", null, AccountNature.Expenses),
        ("Indirect Expenses", null, AccountNature.Expenses),
        ("Reserves & Surplus", "Capital Account", AccountNature.Liabilities),
        ("Bank OD A/c", "Loans (Liability)", AccountNature.Liabilities),
        ("Secured Loans", "Loans (Liability)", AccountNature.Liabilities),
        ("Unsecured Loans", "Loans (Liability)", AccountNature.Liabilities),
        ("Duties & Taxes", "Current Liabilities", AccountNature.Liabilities),
        ("Provisions", "Current Liabilities", AccountNature.Liabilities),
        ("Sundry Creditors", "Current Liabilities", AccountNature.Liabilities),
        ("Bank Accounts", "Current Assets", AccountNature.Assets),
        ("Cash-in-Hand", "Current Assets", AccountNature.Assets),
        ("Deposits (Asset)", "Current Assets", AccountNature.Assets),
        ("Loans & Advances (Asset)", "Current Assets", AccountNature.Assets),
        ("Stock-in-Hand", "Current Assets", AccountNature.Assets),
        ("Sundry Debtors", "Current Assets", AccountNature.Assets),
    ];
}
