namespace Ferry.Sources.Tally;

/// <summary>What a voucher type is at bottom (custom types resolve to a built-in one) and which vouchers an import skips.</summary>
public static class TallyVoucherKinds
{
    public const string Cancelled = "cancelled";
    public const string Deleted = "deleted";
    public const string Optional = "optional";
    public const string Memorandum = "memorandum";
    public const string Order = "order";
    public const string NotAccounting = "not_accounting";

    /// <summary>Tally's 24 built-in voucher types.</summary>
    public static readonly IReadOnlySet<string> BuiltIn = new HashSet<string>(StringComparer.Ordinal)
    {
        "Attendance", "Contra", "Credit Note", "Debit Note", "Delivery Note", "Job Work In Order", "Job Work Out Order",
        "Journal", "Material In", "Material Out", "Memorandum", "Payment", "Payroll", "Physical Stock", "Purchase",
        "Purchase Order", "Receipt", "Receipt Note", "Rejections In", "Rejections Out", "Reversing Journal", "Sales",
        "Sales Order", "Stock Journal",
    };

    static readonly HashSet<string> Accounting = new(StringComparer.Ordinal)
    {
        "Sales", "Purchase", "Payment", "Receipt", "Journal", "Contra", "Credit Note", "Debit Note", "Payroll",
    };

    static readonly HashSet<string> Orders = new(StringComparer.Ordinal)
    {
        "Sales Order", "Purchase Order", "Job Work In Order", "Job Work Out Order",
    };

    /// <summary>
    /// The built-in type behind <paramref name="type"/>: its RESERVEDNAME, else the first one up its PARENT chain, else
    /// the name itself when it is built in. Null when neither the masters nor the name tell.
    /// </summary>
    public static string? BaseTypeOf(string type, IReadOnlyDictionary<string, TallyVoucherType> types)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = type;
        while (seen.Add(current) && types.TryGetValue(current, out var master))
        {
            if (master.ReservedName is { } reserved && BuiltIn.Contains(reserved))
            {
                return reserved;
            }
            if (master.Parent is null)
            {
                break;
            }
            current = master.Parent;
        }
        return BuiltIn.Contains(current) ? current : null;
    }

    /// <summary>Why a voucher is left out of the books, or null when it is an accounting voucher to check and import.</summary>
    public static string? SkipReason(TallyVoucher voucher, string? baseType) => FlagSkipReason(voucher) ?? SkipReasonOf(baseType);

    /// <summary>Skip reason from the voucher's own flags, whatever its type.</summary>
    public static string? FlagSkipReason(TallyVoucher voucher) =>
        voucher.IsCancelled ? Cancelled
        : voucher.IsDeleted ? Deleted
        : voucher.IsOptional ? Optional
        : null;

    /// <summary>
    /// Skip reason for a base type alone. A type nothing resolves is taken as accounting, so its vouchers are still
    /// balance-checked; one without ledger lines balances trivially.
    /// </summary>
    public static string? SkipReasonOf(string? baseType) => baseType switch
    {
        null => null,
        "Memorandum" or "Reversing Journal" => Memorandum,
        _ when Orders.Contains(baseType) => Order,
        _ when Accounting.Contains(baseType) => null,
        _ => NotAccounting,
    };
}
