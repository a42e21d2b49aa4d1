namespace Ferry.Sources.Tally;

/// <summary>
/// What a Tally export holds. <see cref="Entities"/> counts distinct masters by name, and every VOUCHER element;
/// <see cref="VouchersByType"/> counts every voucher by its type as written, skipped ones included.
/// </summary>
public sealed record TallySummary(
    string Format,
    string Encoding,
    string? Company,
    IReadOnlyDictionary<string, int> Entities,
    IReadOnlyDictionary<string, int> VouchersByType,
    IReadOnlyDictionary<string, int> SkippedVouchers,
    int UnbalancedVouchers,
    IReadOnlyList<TallyUnbalancedVoucher> FirstUnbalanced,
    IReadOnlyList<string> UnresolvedVoucherTypes,
    IReadOnlyDictionary<string, int> OtherObjects);

/// <summary>An accounting voucher whose lines do not add up to zero; <see cref="Difference"/> is their sum.</summary>
public sealed record TallyUnbalancedVoucher(string? Number, string Type, DateOnly? Date, decimal Difference);
