using Ferry.Core.Values;

namespace Ferry.Core.Profiling;

/// <summary>How a mapper should read a column's values, as the column's profile found them written.</summary>
/// <param name="AcceptExcelSerials">A bare number in a date column is an Excel serial day.</param>
public sealed record ColumnReading(NumberFormat NumberFormat, DateOrder DateOrder, bool AcceptExcelSerials)
{
    public static ColumnReading From(ColumnProfile profile) => new(
        profile.Patterns.Contains("decimal_comma") ? NumberFormat.DecimalComma : NumberFormat.DecimalPoint,
        IsMonthFirst(profile.DateFormat) ? DateOrder.MonthFirst : DateOrder.DayFirst,
        profile.InferredType is "date" or "datetime");

    static bool IsMonthFirst(string? dateFormat)
    {
        if (dateFormat is null || dateFormat.Contains("MMM", StringComparison.Ordinal))
        {
            return false;
        }
        var month = dateFormat.IndexOf('M', StringComparison.Ordinal);
        var day = dateFormat.IndexOf('d', StringComparison.Ordinal);
        return month >= 0 && day > month && !dateFormat.StartsWith('y');
    }
}
