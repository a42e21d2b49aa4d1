using System.Globalization;
using System.Text.RegularExpressions;

namespace Ferry.Core.Rules;

/// <summary>
/// One check of a validation rule such as "required|email" or "min:0|max:999999999". A "regex" check compiles its
/// pattern when it is made (MIG010 if the pattern is invalid or unsafe) and keeps count of its timeouts for one run.
/// </summary>
public sealed partial class ValidationRule(string name, string? argument)
{
    public static readonly IReadOnlyList<string> Names =
    [
        "required", "email", "min", "max", "min_length", "max_length", "alphanumeric", "numeric", "in", "regex",
        "gstin", "pan", "pin_code", "phone", "ifsc",
    ];

    readonly RulePattern? _pattern = name == "regex" && !string.IsNullOrEmpty(argument) ? RulePattern.Compile(argument) : null;

    public string Name { get; } = name;

    public string? Argument { get; } = argument;

    /// <summary>Returns null when the value passes, else a message that says what is wrong.</summary>
    public string? Check(string? text, object? value)
    {
        if (Name == "required")
        {
            return string.IsNullOrWhiteSpace(text) && value is null ? "is required but empty" : null;
        }
        if (string.IsNullOrEmpty(text) && value is null)
        {
            return null;
        }
        var s = text ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        return Name switch
        {
            "email" => EmailPattern().IsMatch(s) ? null : "is not a valid e-mail address",
            "min" => Number(value, s) is { } n && n < Arg() ? $"must be at least {Argument}" : null,
            "max" => Number(value, s) is { } n && n > Arg() ? $"must be at most {Argument}" : null,
            "min_length" => s.Length < Arg() ? $"must be at least {Argument} characters long" : null,
            "max_length" => s.Length > Arg() ? $"must be at most {Argument} characters long" : null,
            "alphanumeric" => s.All(char.IsLetterOrDigit) ? null : "may contain only letters and digits",
            "numeric" => s.All(char.IsAsciiDigit) ? null : "may contain only digits",
            "in" => Argument!.Split(',').Any(a => string.Equals(a.Trim(), s.Trim(), StringComparison.OrdinalIgnoreCase))
                ? null
                : $"must be one of: {Argument}",
            "regex" => _pattern!.Check(s),
            "gstin" => IndianIdentifiers.IsValidGstin(s) ? null : "is not a valid GSTIN (15 characters: state code, PAN, entity, 'Z', check digit)",
            "pan" => IndianIdentifiers.IsValidPan(s) ? null : "is not a valid PAN (5 letters, 4 digits, 1 letter)",
            "pin_code" => IndianIdentifiers.IsValidPinCode(s) ? null : "is not a valid PIN code (6 digits, not starting with 0)",
            "phone" => IndianIdentifiers.IsPlausiblePhone(s) ? null : "is not a plausible phone number",
            "ifsc" => IndianIdentifiers.IsValidIfsc(s) ? null : "is not a valid IFSC (4 letters, 0, 6 letters or digits)",
            _ => null,
        };
    }

    decimal Arg() => decimal.Parse(Argument!, NumberStyles.Float, CultureInfo.InvariantCulture);

    static decimal? Number(object? value, string text) => value switch
    {
        decimal d => d,
        long l => l,
        int i => i,
        _ => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
    };

    // NonBacktracking: the two loops of the domain part overlap, so backtracking takes quadratic time on a long run of dots.
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex EmailPattern();
}
