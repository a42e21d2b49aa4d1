using System.Globalization;
using System.Text;

namespace Ferry.Core.Rules;

/// <summary>One step of a transformation rule such as "trim|title_case" or "abs|round:2".</summary>
public sealed record TransformRule(string Name, string? Argument)
{
    public static readonly IReadOnlyList<string> TextNames =
        ["trim", "lower", "upper", "title_case", "collapse_spaces", "digits_only", "remove_spaces", "truncate", "default", "replace"];

    public static readonly IReadOnlyList<string> NumberNames = ["abs", "round", "negate"];

    public bool AppliesToText => TextNames.Contains(Name);

    public string? ApplyToText(string? value)
    {
        if (Name == "default")
        {
            return string.IsNullOrWhiteSpace(value) ? Argument : value;
        }
        if (value is null)
        {
            return null;
        }
        return Name switch
        {
            "trim" => value.Trim(),
            "lower" => value.ToLowerInvariant(),
            "upper" => value.ToUpperInvariant(),
            "title_case" => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(value.ToLowerInvariant()),
            "collapse_spaces" => CollapseSpaces(value),
            "digits_only" => new string(value.Where(char.IsAsciiDigit).ToArray()),
            "remove_spaces" => new string(value.Where(c => !char.IsWhiteSpace(c)).ToArray()),
            "truncate" => value.Length > int.Parse(Argument!, CultureInfo.InvariantCulture)
                ? value[..int.Parse(Argument!, CultureInfo.InvariantCulture)]
                : value,
            "replace" => Replace(value),
            _ => value,
        };
    }

    public decimal ApplyToNumber(decimal value) => Name switch
    {
        "abs" => Math.Abs(value),
        "negate" => -value,
        "round" => Math.Round(value, Argument is null ? 0 : int.Parse(Argument, CultureInfo.InvariantCulture), MidpointRounding.AwayFromZero),
        _ => value,
    };

    string Replace(string value)
    {
        var parts = Argument!.Split(':', 2);
        return value.Replace(parts[0], parts.Length > 1 ? parts[1] : "", StringComparison.Ordinal);
    }

    static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var lastWasSpace = false;
        foreach (var c in value)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!(isSpace && lastWasSpace))
            {
                builder.Append(isSpace ? ' ' : c);
            }
            lastWasSpace = isSpace;
        }
        return builder.ToString().Trim();
    }
}
