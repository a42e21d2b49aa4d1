using System.Text.RegularExpressions;
using Ferry.Core.Rules;

namespace Ferry.Core.Mapping;

/// <summary>
/// Proposes which source column feeds which target field: exact names first, then known synonyms, then
/// near-spellings, then what the values look like (e-mail, GSTIN, PAN, PIN code, phone).
/// </summary>
public static partial class MappingSuggester
{
    const double Threshold = 0.5;

    public static IReadOnlyList<MappingSuggestion> Suggest(
        IReadOnlyList<TargetField> fields,
        IReadOnlyList<string> columns,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? samples = null)
    {
        var candidates = new List<MappingSuggestion>();
        foreach (var column in columns)
        {
            if (string.IsNullOrWhiteSpace(column))
            {
                continue;
            }
            var values = samples is not null && samples.TryGetValue(column, out var s) ? s : [];
            foreach (var field in fields)
            {
                var (score, reason) = Names(column).Select(name => Score(name, field, values)).MaxBy(r => r.Score);
                if (score >= Threshold)
                {
                    candidates.Add(new MappingSuggestion(column, field.Name, Math.Round(score, 2), reason));
                }
            }
        }

        var usedColumns = new HashSet<string>(StringComparer.Ordinal);
        var usedFields = new HashSet<string>(StringComparer.Ordinal);
        var chosen = new List<MappingSuggestion>();
        foreach (var candidate in candidates
            .OrderByDescending(c => c.Confidence)
            .ThenBy(c => columns.ToList().IndexOf(c.SourceField)))
        {
            if (usedColumns.Contains(candidate.SourceField) || usedFields.Contains(candidate.TargetField))
            {
                continue;
            }
            usedColumns.Add(candidate.SourceField);
            usedFields.Add(candidate.TargetField);
            chosen.Add(candidate);
        }
        return [.. chosen.OrderBy(c => fields.ToList().FindIndex(f => f.Name == c.TargetField))];
    }

    /// <summary>
    /// The column's name, normalised; a nested JSON key also reads without its parent's generic words, so
    /// "billing_address.city" compares as "billing city", and a parent table's field in its child rows reads with the
    /// parent in the singular, so "items.sku" compares as "item sku".
    /// </summary>
    static IEnumerable<string> Names(string column)
    {
        yield return Normalize(column);
        var dot = column.LastIndexOf('.');
        if (dot > 0)
        {
            var parent = column[..dot];
            foreach (var generic in (ReadOnlySpan<string>)["address", "details", "detail", "info"])
            {
                parent = parent.Replace(generic, "", StringComparison.OrdinalIgnoreCase);
            }
            yield return Normalize(parent + column[(dot + 1)..]);
            if (column[..dot] is { Length: > 1 } table && table.EndsWith('s') && !table.Contains('.', StringComparison.Ordinal))
            {
                yield return Normalize(table[..^1] + column[(dot + 1)..]);
            }
        }
    }

    static (double Score, string Reason) Score(string column, TargetField field, IReadOnlyList<string> values)
    {
        if (column == Normalize(field.Name))
        {
            return (1.0, "exact name");
        }
        foreach (var synonym in field.Synonyms)
        {
            if (column == Normalize(synonym))
            {
                return (0.95, $"known name '{synonym}'");
            }
        }
        var best = (Score: 0.0, Reason: "");
        foreach (var name in field.Synonyms.Append(field.Name))
        {
            var similarity = Similarity(column, Normalize(name));
            if (similarity >= 0.85 && 0.8 * similarity > best.Score)
            {
                best = (0.8 * similarity, $"similar to '{name}'");
            }
        }
        var fit = ValueFit(field, values);
        if (fit > best.Score)
        {
            best = (fit, "values look like " + field.Name);
        }
        return best;
    }

    static double ValueFit(TargetField field, IReadOnlyList<string> values)
    {
        var present = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
        if (present.Count == 0)
        {
            return 0;
        }
        Func<string, bool>? test = field.Pattern switch
        {
            "email" => v => EmailPattern().IsMatch(v),
            "gstin" => IndianIdentifiers.IsValidGstin,
            "pan" => IndianIdentifiers.IsValidPan,
            "pin_code" => IndianIdentifiers.IsValidPinCode,
            "ifsc" => IndianIdentifiers.IsValidIfsc,
            _ => null,
        };
        if (test is null)
        {
            return 0;
        }
        var share = present.Count(test) / (double)present.Count;
        return share >= 0.8 ? 0.6 + 0.2 * share : 0;
    }

    /// <summary>Lower-case letters and digits only: "E-mail Address" and "email_address" compare equal.</summary>
    public static string Normalize(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }
        var distance = Levenshtein(a, b);
        return 1.0 - distance / (double)Math.Max(a.Length, b.Length);
    }

    static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    // NonBacktracking: the two loops of the domain part overlap, so backtracking takes quadratic time on a long run of dots.
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex EmailPattern();
}
