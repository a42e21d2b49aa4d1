using Ferry.Erp.Model;

namespace Ferry.Sources.Tally;

/// <summary>
/// The nature of a Tally group: from the nearest reserved group above it (by name, or by the RESERVEDNAME a rename
/// keeps), else from the ISREVENUE × ISDEEMEDPOSITIVE flags of the nearest group that has them.
/// </summary>
public static class TallyGroupNature
{
    static readonly Dictionary<string, AccountNature> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Capital Account"] = AccountNature.Liabilities,
        ["Reserves & Surplus"] = AccountNature.Liabilities,
        ["Loans (Liability)"] = AccountNature.Liabilities,
        ["Secured Loans"] = AccountNature.Liabilities,
        ["Unsecured Loans"] = AccountNature.Liabilities,
        ["Bank OD A/c"] = AccountNature.Liabilities,
        ["Bank OCC A/c"] = AccountNature.Liabilities,
        ["Current Liabilities"] = AccountNature.Liabilities,
        ["Duties & Taxes"] = AccountNature.Liabilities,
        ["Duties and Taxes"] = AccountNature.Liabilities,
        ["Provisions"] = AccountNature.Liabilities,
        ["Sundry Creditors"] = AccountNature.Liabilities,
        ["Branch / Divisions"] = AccountNature.Liabilities,
        ["Suspense A/c"] = AccountNature.Liabilities,
        ["Fixed Assets"] = AccountNature.Assets,
        ["Investments"] = AccountNature.Assets,
        ["Current Assets"] = AccountNature.Assets,
        ["Bank Accounts"] = AccountNature.Assets,
        ["Cash-in-Hand"] = AccountNature.Assets,
        ["Deposits (Asset)"] = AccountNature.Assets,
        ["Loans & Advances (Asset)"] = AccountNature.Assets,
        ["Stock-in-Hand"] = AccountNature.Assets,
        ["Sundry Debtors"] = AccountNature.Assets,
        ["Misc. Expenses (ASSET)"] = AccountNature.Assets,
        ["Sales Accounts"] = AccountNature.Income,
        ["Direct Incomes"] = AccountNature.Income,
        ["Income (Direct)"] = AccountNature.Income,
        ["Indirect Incomes"] = AccountNature.Income,
        ["Income (Indirect)"] = AccountNature.Income,
        ["Purchase Accounts"] = AccountNature.Expenses,
        ["Direct Expenses"] = AccountNature.Expenses,
        ["Expenses (Direct)"] = AccountNature.Expenses,
        ["Indirect Expenses"] = AccountNature.Expenses,
        ["Expenses (Indirect)"] = AccountNature.Expenses,
    };

    public static bool IsReserved(TallyGroup group) =>
        Reserved.ContainsKey(Collapse(group.Name)) || (group.ReservedName is { } reserved && Reserved.ContainsKey(Collapse(reserved)));

    public static AccountNature Of(string groupName, IReadOnlyDictionary<string, TallyGroup> groups)
    {
        AccountNature? fromFlags = null;
        string? current = groupName;
        for (var depth = 0; current is not null && depth < 64; depth++)
        {
            if (Reserved.TryGetValue(Collapse(current), out var nature))
            {
                return nature;
            }
            if (!groups.TryGetValue(current, out var group))
            {
                break;
            }
            if (group.ReservedName is { } reserved && Reserved.TryGetValue(Collapse(reserved), out nature))
            {
                return nature;
            }
            fromFlags ??= FromFlags(group);
            current = group.Parent;
        }
        return fromFlags ?? AccountNature.Liabilities;
    }

    static AccountNature? FromFlags(TallyGroup group) => (group.IsRevenue, group.IsDeemedPositive) switch
    {
        (false, true) => AccountNature.Assets,
        (false, false) => AccountNature.Liabilities,
        (true, true) => AccountNature.Expenses,
        (true, false) => AccountNature.Income,
        _ => null,
    };

    static string Collapse(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
