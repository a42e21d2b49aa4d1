namespace Ferry.Core.Values;

/// <summary>
/// Reads numbers, dates and flags the way Indian and international business files write them:
/// "₹1,23,456.78", "(500.00)", "1,18,000.00 Cr", "INR 2625", "2625.00 USD", "31-03-2024", "31-Mar-24", "2024-03-31".
/// Culture-invariant: the machine's culture never changes what a file means.
/// </summary>
public static class ValueParser
{
    /// <summary>Parses an amount; a Dr/Cr marker is returned separately and does not change the sign.</summary>
    public static bool TryParseAmount(ReadOnlySpan<char> text, out decimal value, out BalanceSide? side) =>
        AmountText.TryRead(text, NumberFormat.DecimalPoint, out value, out side, out _);

    /// <summary>
    /// Parses an amount written in the given format, so a column found to use decimal commas reads "1.234,56" as
    /// 1234.56; a Dr/Cr marker is returned separately and does not change the sign.
    /// </summary>
    public static bool TryParseAmount(ReadOnlySpan<char> text, NumberFormat format, out decimal value, out BalanceSide? side) =>
        AmountText.TryRead(text, format, out value, out side, out _);

    /// <summary>Parses an amount into a signed value: credit (Cr or a minus sign) is negative.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value) =>
        TryParseDecimal(text, NumberFormat.DecimalPoint, out value);

    /// <summary>Parses an amount written in the given format into a signed value: credit (Cr or a minus sign) is negative.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, NumberFormat format, out decimal value)
    {
        if (!AmountText.TryRead(text, format, out value, out var side, out _))
        {
            return false;
        }
        if (side == BalanceSide.Cr)
        {
            value = -Math.Abs(value);
        }
        return true;
    }

    public static bool TryParseInteger(ReadOnlySpan<char> text, out long value) =>
        TryParseInteger(text, NumberFormat.DecimalPoint, out value);

    public static bool TryParseInteger(ReadOnlySpan<char> text, NumberFormat format, out long value)
    {
        value = 0;
        if (!TryParseDecimal(text, format, out var d) || d != decimal.Truncate(d) || d > long.MaxValue || d < long.MinValue)
        {
            return false;
        }
        value = (long)d;
        return true;
    }

    /// <summary>Parses a date; day-first when the order is ambiguous, as Indian files write it.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly value) =>
        TryParseDate(text, DateOrder.DayFirst, acceptExcelSerial: false, out value);

    /// <summary>
    /// Parses a date whose numeric day and month stand in the column's order; with <paramref name="acceptExcelSerial"/>
    /// a bare number from 1 to 2958465 is an Excel serial day. A time, when written, is dropped.
    /// </summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, DateOrder order, bool acceptExcelSerial, out DateOnly value)
    {
        if (WrittenDate.TryRead(text, order, out var written))
        {
            value = DateOnly.FromDateTime(written.Value);
            return true;
        }
        if (acceptExcelSerial && ExcelSerial.TryRead(text, out var serial, out _))
        {
            value = DateOnly.FromDateTime(serial);
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>
    /// Parses a date with an optional time ("2024-03-31 16:40:33", "31/03/2024 4:40 PM", "2024-03-31T16:40:33+05:30");
    /// a date alone is midnight. A written offset or "Z" gives the UTC time; otherwise the time is as written.
    /// With <paramref name="acceptExcelSerial"/> a bare number is an Excel serial, its fraction the time of day.
    /// </summary>
    public static bool TryParseDateTime(ReadOnlySpan<char> text, DateOrder order, bool acceptExcelSerial, out DateTime value)
    {
        if (WrittenDate.TryRead(text, order, out var written))
        {
            value = written.Offset is { } offset
                ? new DateTime(written.Value.Ticks - offset.Ticks, DateTimeKind.Utc)
                : written.Value;
            return true;
        }
        if (acceptExcelSerial && ExcelSerial.TryRead(text, out value, out _))
        {
            return true;
        }
        value = default;
        return false;
    }

    public static bool TryParseBoolean(ReadOnlySpan<char> text, out bool value)
    {
        var s = text.Trim();
        foreach (var yes in (ReadOnlySpan<string>)["true", "yes", "y", "1", "active", "enabled"])
        {
            if (s.Equals(yes, StringComparison.OrdinalIgnoreCase))
            {
                value = true;
                return true;
            }
        }
        foreach (var no in (ReadOnlySpan<string>)["false", "no", "n", "0", "inactive", "disabled"])
        {
            if (s.Equals(no, StringComparison.OrdinalIgnoreCase))
            {
                value = false;
                return true;
            }
        }
        value = false;
        return false;
    }
}
