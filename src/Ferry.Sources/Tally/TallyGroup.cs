namespace Ferry.Sources.Tally;

/// <summary>An account group. <see cref="ReservedName"/> is the built-in group it is (or was before a rename).</summary>
public sealed record TallyGroup(
    string Name,
    string? Parent,
    string? ReservedName,
    bool? IsRevenue,
    bool? IsDeemedPositive,
    bool? AffectsGrossProfit,
    string? Guid) : TallyObject;
