using System.Globalization;

namespace Ferry.Core.Values;

/// <summary>
/// Reads numbers, dates and flags the way Indian and international business files write them:
/// "₹1,23,456.78", "(500.00)", "1,18,000.00 Cr", "INR 2625", "31-03-2024", "31-Mar-24", "2024-03-31".
/// Culture-invariant: the machine's culture never changes what a file means.
/// </summary>
public static class ValueParser
{
    static readonly string[] CurrencyTokens = ["INR", "Rs.", "Rs", "USD", "EUR", "GBP", "AED", "SGD", "₹", "$", "€", "£"];

    static readonly string[] DateFormats =
    [
        "dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "d.M.yyyy",
        "yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd",
        "dd-MMM-yyyy", "d-MMM-yyyy", "dd-MMM-yy", "d-MMM-yy", "dd MMM yyyy", "d MMM yyyy", "MMM d, yyyy",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "dd-MM-yyyy HH:mm:ss", "dd/MM/yyyy HH:mm:ss",
        "dd-MM-yy", "dd/MM/yy",
    ];

    /// <summary>Parses an amount; a Dr/Cr marker is returned separately and does not change the sign.</summary>
    public static bool TryParseAmount(ReadOnlySpan<char> text, out decimal value, out BalanceSide? side)
    {
        value = 0;
        side = null;
        var s = text.Trim();
        if (s.IsEmpty)
        {
            return false;
        }

        if (s.Length > 2)
        {
            var tail = s[^2..];
            if (tail.Equals("Dr", StringComparison.OrdinalIgnoreCase) || tail.Equals("Cr", StringComparison.OrdinalIgnoreCase))
            {
                side = char.ToUpperInvariant(tail[0]) == 'D' ? BalanceSide.Dr : BalanceSide.Cr;
                s = s[..^2].TrimEnd().TrimEnd('.').TrimEnd();
            }
        }

        if (s.Length > 1 && s[^1] == '%')
        {
            s = s[..^1].TrimEnd();
        }

        var negative = false;
        if (s.Length > 1 && s[0] == '(' && s[^1] == ')')
        {
            negative = true;
            s = s[1..^1].Trim();
        }

        Span<char> buffer = s.Length <= 128 ? stackalloc char[s.Length] : new char[s.Length];
        var length = 0;
        var remaining = s;
        while (!remaining.IsEmpty)
        {
            var matched = false;
            foreach (var token in CurrencyTokens)
            {
                if (remaining.StartsWith(token, StringComparison.OrdinalIgnoreCase))
                {
                    remaining = remaining[token.Length..];
                    matched = true;
                    break;
                }
            }
            if (matched)
            {
                continue;
            }
            var c = remaining[0];
            remaining = remaining[1..];
            if (c is ',' or '_' or ' ' or '\u00A0' or '\'')
            {
                continue;
            }
            if (c == '-' && length == 0)
            {
                negative = !negative;
                continue;
            }
            if (c == '+' && length == 0)
            {
                continue;
            }
            if (!(char.IsAsciiDigit(c) || c == '.' || c is 'e' or 'E' || (c is '-' or '+' && length > 0 && buffer[length - 1] is 'e' or 'E')))
            {
                return false;
            }
            buffer[length++] = c;
        }

        if (length == 0 || !decimal.TryParse(buffer[..length], NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }
        if (negative)
        {
            value = -value;
        }
        return true;
    }

    /// <summary>Parses an amount into a signed value: credit (Cr or a minus sign) is negative.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        if (!TryParseAmount(text, out value, out var side))
        {
            return false;
        }
        if (side == BalanceSide.Cr)
        {
            value = -Math.Abs(value);
        }
        return true;
    }

    public static bool TryParseInteger(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (!TryParseDecimal(text, out var d) || d != decimal.Truncate(d) || d > long.MaxValue || d < long.MinValue)
        {
            return false;
        }
        value = (long)d;
        return true;
    }

    /// <summary>Parses a date; day-first when the order is ambiguous, as Indian files write it.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly value)
    {
        var s = text.Trim();
        if (DateTime.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dt))
        {
            value = DateOnly.FromDateTime(dt);
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
