using System.Buffers;
using Ferry.Core.Rules;

namespace Ferry.Core.Values;

/// <summary>
/// Values that look like numbers, or are codes, and must stay text: read as numbers they would lose leading zeros,
/// digits past the fifteenth, or their meaning.
/// </summary>
public static class IdentifierText
{
    static readonly SearchValues<char> NotInEmail = SearchValues.Create(" ,;<>\t");

    /// <summary>"007", "040001": all digits, opening with a zero that a number would drop.</summary>
    public static bool HasLeadingZeros(string value)
    {
        var s = value.AsSpan().Trim();
        return s.Length > 1 && s[0] == '0' && IsDigits(s);
    }

    /// <summary>More digits than a spreadsheet number keeps exactly, as in 19-digit account or order ids.</summary>
    public static bool HasMoreThanFifteenDigits(string value)
    {
        var s = value.AsSpan().Trim();
        return s.Length > 15 && IsDigits(s);
    }

    public static bool IsGstin(string value)
    {
        var s = value.Trim();
        return s.Length == 15 && IndianIdentifiers.IsValidGstin(s.ToUpperInvariant());
    }

    public static bool IsPan(string value)
    {
        var s = value.Trim();
        return s.Length == 10 && IndianIdentifiers.IsValidPan(s.ToUpperInvariant());
    }

    public static bool IsIfsc(string value)
    {
        var s = value.Trim();
        return s.Length == 11 && IndianIdentifiers.IsValidIfsc(s.ToUpperInvariant());
    }

    /// <summary>Six digits not opening with zero ("400001"), also written "400 001".</summary>
    public static bool IsPinCode(string value)
    {
        var s = value.AsSpan().Trim();
        if (s.Length == 7 && s[3] == ' ')
        {
            return s[0] != '0' && IsDigits(s[..3]) && IsDigits(s[4..]);
        }
        return s.Length == 6 && s[0] != '0' && IsDigits(s);
    }

    /// <summary>
    /// A 10-digit mobile number opening with 6–9, with or without +91, 91 or 0 before it ("+91 98765 43210",
    /// "098765-43210"), or a landline whose STD code is written with its 0 or +91 ("022-2456 7890", "+91 80 4123 4567").
    /// </summary>
    public static bool IsIndianPhone(string value)
    {
        var s = value.AsSpan().Trim();
        Span<char> digits = stackalloc char[13];
        var count = 0;
        var plus = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return false;
                }
                digits[count++] = c;
            }
            else if (c == '+' && i == 0)
            {
                plus = true;
            }
            else if (c is not (' ' or '-' or '(' or ')'))
            {
                return false;
            }
        }
        var national = digits[..count];
        if (plus)
        {
            return count == 12 && national.StartsWith("91") && national[2] != '0';
        }
        return count switch
        {
            10 => national[0] is >= '6' and <= '9',
            11 => national[0] == '0' && national[1] != '0',
            12 => national.StartsWith("91") && national[2] is >= '6' and <= '9',
            _ => false,
        };
    }

    /// <summary>An HSN code written with its dots ("3922.10.00") or a services SAC code ("998314").</summary>
    public static bool IsHsnOrSac(string value)
    {
        var s = value.AsSpan().Trim();
        if (s.Length == 10)
        {
            return s[4] == '.' && s[7] == '.' && IsDigits(s[..4]) && IsDigits(s[5..7]) && IsDigits(s[8..]);
        }
        return s.Length == 6 && s.StartsWith("99") && IsDigits(s);
    }

    /// <summary>Something@domain.tld with no spaces: enough to know the column holds addresses.</summary>
    public static bool IsEmail(string value)
    {
        var s = value.AsSpan().Trim();
        var at = s.IndexOf('@');
        if (at < 1 || at != s.LastIndexOf('@') || s.ContainsAny(NotInEmail))
        {
            return false;
        }
        var domain = s[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 2 && domain[0] != '.' && !domain.Contains("..", StringComparison.Ordinal);
    }

    static bool IsDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');
}
