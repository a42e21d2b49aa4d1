namespace Ferry.Core.Values;

/// <summary>Which character separates the fraction of a number in a column.</summary>
public enum NumberFormat
{
    /// <summary>"1,23,456.78", "123,456.78": a point before the fraction, commas group digits.</summary>
    DecimalPoint,

    /// <summary>"1.234,56", "1234,56": a comma before the fraction, points group digits, as European Excel writes.</summary>
    DecimalComma,
}
