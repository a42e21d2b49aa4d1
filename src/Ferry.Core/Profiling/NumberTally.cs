using Ferry.Core.Values;

namespace Ferry.Core.Profiling;

/// <summary>How a column's values read as numbers in one number format.</summary>
internal sealed class NumberTally(NumberFormat format)
{
    public long Numbers { get; private set; }

    /// <summary>Numbers written with a currency, digit groups, parentheses or Dr/Cr.</summary>
    public long Amounts { get; private set; }

    public long WithCurrency { get; private set; }

    /// <summary>Numbers written with a fraction, an exponent or a percent sign.</summary>
    public long Fractional { get; private set; }

    /// <summary>Values that read as numbers in this format and not in the other.</summary>
    public long Proofs { get; private set; }

    public string? FirstProof { get; private set; }

    public string? FirstNonNumber { get; private set; }

    public bool Add(string value)
    {
        if (!AmountText.TryRead(value, format, out _, out _, out var marks))
        {
            FirstNonNumber ??= value;
            return false;
        }
        Numbers++;
        if ((marks & AmountMarks.OfAmount) != 0)
        {
            Amounts++;
        }
        if ((marks & AmountMarks.Currency) != 0)
        {
            WithCurrency++;
        }
        if ((marks & (AmountMarks.Fraction | AmountMarks.Exponent | AmountMarks.Percent)) != 0)
        {
            Fractional++;
        }
        return true;
    }

    public void AddProof(string value)
    {
        Proofs++;
        FirstProof ??= value;
    }
}
