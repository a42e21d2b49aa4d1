namespace Ferry.Core.Values;

/// <summary>How a column orders the fields of numeric dates whose year does not say where it stands.</summary>
public enum DateOrder
{
    /// <summary>31/03/2024: day, month, year, as Indian files write dates.</summary>
    DayFirst,

    /// <summary>3/31/2024: month, day, year.</summary>
    MonthFirst,

    /// <summary>24-03-31: a two-digit year, month, day. A four-digit year is found wherever it stands.</summary>
    YearFirst,
}
