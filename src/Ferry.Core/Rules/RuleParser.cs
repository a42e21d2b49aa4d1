using System.Globalization;

namespace Ferry.Core.Rules;

/// <summary>Parses the pipe-separated rule language of mappings ("trim|title_case", "min:0|max:999999999").</summary>
public static class RuleParser
{
    static readonly string[] IntegerArgument = ["round", "truncate", "min_length", "max_length"];
    static readonly string[] NumberArgument = ["min", "max"];
    static readonly string[] RequiresArgument = ["truncate", "default", "replace", "min", "max", "min_length", "max_length", "in", "regex"];

    public static IReadOnlyList<TransformRule> ParseTransforms(string? text) =>
        Split(text).Select(p => Check(new TransformRule(p.Name, p.Argument), TransformRule.TextNames.Concat(TransformRule.NumberNames), "transformation")).ToList();

    /// <summary>Parses and compiles validation rules; a "regex" rule's pattern must be valid and safe (MIG010).</summary>
    public static IReadOnlyList<ValidationRule> ParseValidations(string? text) =>
        Split(text).Select(p => Check(new ValidationRule(p.Name, p.Argument), ValidationRule.Names, "validation")).ToList();

    static T Check<T>(T rule, IEnumerable<string> known, string kind) where T : notnull
    {
        var (name, argument) = rule switch
        {
            TransformRule t => (t.Name, t.Argument),
            ValidationRule v => (v.Name, v.Argument),
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
        if (!known.Contains(name))
        {
            throw new FerryException(ErrorCodes.MappingInvalid,
                $"Unknown {kind} rule '{name}'. Known rules: {string.Join(", ", known)}.");
        }
        if (RequiresArgument.Contains(name) && string.IsNullOrEmpty(argument))
        {
            throw new FerryException(ErrorCodes.MappingInvalid, $"The {kind} rule '{name}' needs an argument, e.g. '{name}:10'.");
        }
        if (argument is not null && IntegerArgument.Contains(name) && !int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new FerryException(ErrorCodes.MappingInvalid, $"The {kind} rule '{name}:{argument}' needs a whole number.");
        }
        if (argument is not null && NumberArgument.Contains(name) && !decimal.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw new FerryException(ErrorCodes.MappingInvalid, $"The {kind} rule '{name}:{argument}' needs a number.");
        }
        return rule;
    }

    static IEnumerable<(string Name, string? Argument)> Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }
        // A regex argument may itself contain '|', so it swallows the rest of the rule text.
        var remaining = text;
        while (remaining.Length > 0)
        {
            string part;
            if (remaining.StartsWith("regex:", StringComparison.Ordinal))
            {
                part = remaining;
                remaining = "";
            }
            else
            {
                var bar = remaining.IndexOf('|', StringComparison.Ordinal);
                part = bar < 0 ? remaining : remaining[..bar];
                remaining = bar < 0 ? "" : remaining[(bar + 1)..];
            }
            part = part.Trim();
            if (part.Length == 0)
            {
                continue;
            }
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            yield return colon < 0
                ? (part.ToLowerInvariant(), null)
                : (part[..colon].Trim().ToLowerInvariant(), part[(colon + 1)..]);
        }
    }
}
