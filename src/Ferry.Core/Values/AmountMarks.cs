namespace Ferry.Core.Values;

/// <summary>What an amount's text carried besides its digits.</summary>
[Flags]
internal enum AmountMarks
{
    None = 0,
    Currency = 1,
    Grouping = 2,
    Parentheses = 4,
    BalanceSide = 8,
    Percent = 16,
    Fraction = 32,
    Exponent = 64,

    /// <summary>The marks that make a number an amount rather than a plain quantity.</summary>
    OfAmount = Currency | Grouping | Parentheses | BalanceSide,
}
