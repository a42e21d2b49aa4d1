namespace Ferry.Core.Rules;

/// <summary>Format checks for Indian tax and postal identifiers, including the GSTIN check digit.</summary>
public static class IndianIdentifiers
{
    const string GstinAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static bool IsValidPan(string value) =>
        value.Length == 10
        && value[..5].All(char.IsAsciiLetterUpper)
        && value[5..9].All(char.IsAsciiDigit)
        && char.IsAsciiLetterUpper(value[9]);

    public static bool IsValidGstin(string value)
    {
        if (value.Length != 15 || !char.IsAsciiDigit(value[0]) || !char.IsAsciiDigit(value[1]) || !IsValidPan(value[2..12]))
        {
            return false;
        }
        if (!value.All(c => GstinAlphabet.Contains(c, StringComparison.Ordinal)))
        {
            return false;
        }
        return GstinCheckDigit(value.AsSpan(0, 14)) == value[14];
    }

    /// <summary>The GSTIN check character (a Luhn mod-36 variant) of the first 14 characters.</summary>
    public static char GstinCheckDigit(ReadOnlySpan<char> first14)
    {
        var sum = 0;
        for (var i = 0; i < 14; i++)
        {
            var code = GstinAlphabet.IndexOf(first14[i], StringComparison.Ordinal);
            var product = code * (i % 2 == 0 ? 1 : 2);
            sum += product / 36 + product % 36;
        }
        return GstinAlphabet[(36 - sum % 36) % 36];
    }

    /// <summary>The two-digit state code that opens a GSTIN.</summary>
    public static string? StateCodeOfGstin(string? gstin) => gstin is { Length: 15 } ? gstin[..2] : null;

    public static bool IsValidPinCode(string value) =>
        value.Length == 6 && value.All(char.IsAsciiDigit) && value[0] != '0';

    public static bool IsValidIfsc(string value) =>
        value.Length == 11 && value[..4].All(char.IsAsciiLetterUpper) && value[4] == '0' && value[5..].All(char.IsAsciiLetterOrDigit);

    public static bool IsPlausiblePhone(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return digits is >= 6 and <= 15 && value.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')' or '.');
    }
}
