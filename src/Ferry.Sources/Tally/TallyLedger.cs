namespace Ferry.Sources.Tally;

public sealed record TallyLedger(
    string Name,
    string? Parent,
    string? ReservedName,
    string? Guid,
    decimal? OpeningBalance,
    TallyParty Party,
    IReadOnlyList<TallyLedgerBill> Bills) : TallyObject
{
    public TallySide? OpeningSide => TallySides.Of(OpeningBalance);
}

/// <summary>
/// A ledger's address, tax and contact details, read from the dated nested lists of newer exports (the latest
/// APPLICABLEFROM) and, where those say nothing, from the flat tags of older ones.
/// </summary>
public sealed record TallyParty(
    string? MailingName,
    IReadOnlyList<string> Address,
    string? State,
    string? Pincode,
    string? Country,
    string? Gstin,
    string? GstRegistrationType,
    string? PlaceOfSupply,
    string? Pan,
    string? Phone,
    string? Mobile,
    string? Email);

/// <summary>A bill-wise opening of a ledger; the amount follows the sign rule.</summary>
public sealed record TallyLedgerBill(string Name, DateOnly? Date, decimal? OpeningBalance, bool? IsAdvance)
{
    public TallySide? Side => TallySides.Of(OpeningBalance);
}
