using System.Globalization;

namespace Ferry.Core.Values;

/// <summary>
/// Reads amounts as business files write them: a currency symbol or three-letter code on either side, a sign or
/// parentheses, Indian or Western digit groups, a percent sign, a closing "/-", a trailing Dr/Cr; and says which of
/// these it saw.
/// </summary>
internal static class AmountText
{
    // Any three capital letters are a currency code; these are also read in lower case, as files write "Rs" and "inr".
    static readonly string[] CurrencyWords = ["Rs.", "Rs", "INR", "USD", "EUR", "GBP", "AED", "SGD"];
    const string CurrencySymbols = "₹$€£¥";
    const string OtherGroupSeparators = " \u00A0\u202F'_";

    public static bool TryRead(ReadOnlySpan<char> text, NumberFormat format, out decimal value, out BalanceSide? side, out AmountMarks marks)
    {
        value = 0;
        side = null;
        marks = AmountMarks.None;
        var s = text.Trim();
        if (TryTakeBalanceSide(ref s, out var written))
        {
            side = written;
            marks |= AmountMarks.BalanceSide;
        }
        // "Rs. 500/-": the Indian way of saying no paise follow, written only after money.
        if (s.Length > 2 && s.EndsWith("/-", StringComparison.Ordinal))
        {
            s = s[..^2].TrimEnd();
            marks |= AmountMarks.Currency;
        }
        if (s.Length > 1 && s[^1] == '%')
        {
            s = s[..^1].TrimEnd();
            marks |= AmountMarks.Percent;
        }

        var negative = false;
        var signed = false;
        var currencyTaken = false;
        while (true)
        {
            s = s.Trim();
            if ((marks & AmountMarks.Parentheses) == 0 && s.Length > 2 && s[0] == '(' && s[^1] == ')')
            {
                negative = !negative;
                marks |= AmountMarks.Parentheses;
                s = s[1..^1];
            }
            else if (!signed && s.Length > 1 && s[0] is '-' or '+' or '\u2212')
            {
                negative ^= s[0] != '+';
                signed = true;
                s = s[1..];
            }
            else if (!currencyTaken && TryTakeCurrency(ref s))
            {
                currencyTaken = true;
                marks |= AmountMarks.Currency;
            }
            else
            {
                break;
            }
        }

        if (!TryReadNumber(s, format, out value, ref marks))
        {
            return false;
        }
        if (negative)
        {
            value = -value;
        }
        return true;
    }

    static bool TryTakeBalanceSide(ref ReadOnlySpan<char> s, out BalanceSide side)
    {
        side = default;
        var body = s.Length > 3 && s[^1] == '.' ? s[..^1] : s;
        if (body.Length <= 2 || char.IsAsciiLetter(body[^3]))
        {
            return false;
        }
        var tail = body[^2..];
        if (tail.Equals("Dr", StringComparison.OrdinalIgnoreCase))
        {
            side = BalanceSide.Dr;
        }
        else if (tail.Equals("Cr", StringComparison.OrdinalIgnoreCase))
        {
            side = BalanceSide.Cr;
        }
        else
        {
            return false;
        }
        s = body[..^2].TrimEnd().TrimEnd('.').TrimEnd();
        return true;
    }

    static bool TryTakeCurrency(ref ReadOnlySpan<char> s)
    {
        if (s.Length < 2)
        {
            return false;
        }
        if (CurrencySymbols.Contains(s[0], StringComparison.Ordinal))
        {
            s = s[1..];
            return true;
        }
        if (CurrencySymbols.Contains(s[^1], StringComparison.Ordinal))
        {
            s = s[..^1];
            return true;
        }
        foreach (var word in CurrencyWords)
        {
            if (s.Length <= word.Length)
            {
                continue;
            }
            if (s.StartsWith(word, StringComparison.OrdinalIgnoreCase) && !char.IsAsciiLetter(s[word.Length]))
            {
                s = s[word.Length..];
                return true;
            }
            if (s.EndsWith(word, StringComparison.OrdinalIgnoreCase) && !char.IsAsciiLetter(s[^(word.Length + 1)]))
            {
                s = s[..^word.Length];
                return true;
            }
        }
        if (s.Length > 3 && IsCurrencyCode(s[..3]) && !char.IsAsciiLetter(s[3]))
        {
            s = s[3..];
            return true;
        }
        if (s.Length > 3 && IsCurrencyCode(s[^3..]) && !char.IsAsciiLetter(s[^4]))
        {
            s = s[..^3];
            return true;
        }
        return false;
    }

    /// <summary>Three capital letters, as ISO 4217 writes every currency ("ARS", "JPY").</summary>
    static bool IsCurrencyCode(ReadOnlySpan<char> s) =>
        char.IsAsciiLetterUpper(s[0]) && char.IsAsciiLetterUpper(s[1]) && char.IsAsciiLetterUpper(s[2]);

    /// <summary>
    /// Digits in groups (a lead of 1–3 digits, then groups of 2 or 3 ending with one of 3, so both 1,23,456 and
    /// 123,456), an optional fraction and exponent. A separator that cannot be grouping makes the text no number.
    /// </summary>
    static bool TryReadNumber(ReadOnlySpan<char> s, NumberFormat format, out decimal value, ref AmountMarks marks)
    {
        value = 0;
        var decimalSeparator = format == NumberFormat.DecimalComma ? ',' : '.';
        var groupSeparator = format == NumberFormat.DecimalComma ? '.' : ',';
        Span<char> buffer = s.Length <= 128 ? stackalloc char[s.Length] : new char[s.Length];
        var length = 0;
        var i = 0;

        var lead = CopyDigits(s, ref i, buffer, ref length);
        var lastGroup = 0;
        while (lead > 0 && i + 1 < s.Length && IsGroupSeparator(s[i], groupSeparator) && char.IsAsciiDigit(s[i + 1]))
        {
            if (lastGroup == 0 && lead > 3)
            {
                return false;
            }
            i++;
            lastGroup = CopyDigits(s, ref i, buffer, ref length);
            if (lastGroup is < 2 or > 3)
            {
                return false;
            }
        }
        if (lastGroup != 0)
        {
            if (lastGroup != 3)
            {
                return false;
            }
            marks |= AmountMarks.Grouping;
        }

        if (i < s.Length && s[i] == decimalSeparator)
        {
            i++;
            buffer[length++] = '.';
            if (CopyDigits(s, ref i, buffer, ref length) == 0 && lead == 0)
            {
                return false;
            }
            marks |= AmountMarks.Fraction;
        }
        else if (lead == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] is 'e' or 'E' && lastGroup == 0)
        {
            i++;
            buffer[length++] = 'E';
            if (i < s.Length && s[i] is '+' or '-')
            {
                buffer[length++] = s[i++];
            }
            if (CopyDigits(s, ref i, buffer, ref length) == 0)
            {
                return false;
            }
            marks |= AmountMarks.Exponent;
        }

        return i == s.Length
            && decimal.TryParse(buffer[..length], NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
    }

    static int CopyDigits(ReadOnlySpan<char> s, ref int i, Span<char> buffer, ref int length)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            buffer[length++] = s[i++];
        }
        return i - start;
    }

    static bool IsGroupSeparator(char c, char groupSeparator) =>
        c == groupSeparator || OtherGroupSeparators.Contains(c, StringComparison.Ordinal);
}
