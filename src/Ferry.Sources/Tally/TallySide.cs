namespace Ferry.Sources.Tally;

/// <summary>Debit or credit, from the sign of a Tally amount alone: negative is debit. ISDEEMEDPOSITIVE is not a sign.</summary>
public enum TallySide
{
    Debit,
    Credit,
}

public static class TallySides
{
    /// <summary>Zero counts as credit; a zero line moves nothing either way.</summary>
    public static TallySide Of(decimal amount) => amount < 0 ? TallySide.Debit : TallySide.Credit;

    public static TallySide? Of(decimal? amount) => amount is { } value ? Of(value) : null;
}
