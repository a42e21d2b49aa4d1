namespace Ferry.Sources.Tally;

/// <summary>A voucher type; a custom one has its base type as <see cref="Parent"/>, a renamed built-in one keeps <see cref="ReservedName"/>.</summary>
public sealed record TallyVoucherType(string Name, string? Parent, string? ReservedName, string? Guid) : TallyObject;
