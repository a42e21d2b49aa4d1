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
        // Each field's names are normalised once, and each column's names and values once, so a wide table costs
        // columns plus fields, times the comparisons, rather than also normalising every name for every pair.
        var targets = fields.Select(f => new Target(f)).ToList();
        var candidates = new List<MappingSuggestion>();
        foreach (var column in columns)
        {
            if (string.IsNullOrWhiteSpace(column))
            {
                continue;
            }
            var names = Names(column).ToList();
            var values = Present(samples is not null && samples.TryGetValue(column, out var s) ? s : []);
            var fits = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var target in targets)
            {
                var fit = target.Field.Pattern is { } pattern && values.Count > 0
                    ? fits.TryGetValue(pattern, out var known) ? known : fits[pattern] = ValueFit(pattern, values)
                    : 0;
                var (score, reason) = names.Select(name => Score(name, target, fit)).MaxBy(r => r.Score);
                if (score >= Threshold)
                {
                    candidates.Add(new MappingSuggestion(column, target.Field.Name, Math.Round(score, 2), reason));
                }
            }
        }

        var columnOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            columnOrder.TryAdd(columns[i], i);
        }
        var fieldOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            fieldOrder.TryAdd(fields[i].Name, i);
        }
        var usedColumns = new HashSet<string>(StringComparer.Ordinal);
        var usedFields = new HashSet<string>(StringComparer.Ordinal);
        var chosen = new List<MappingSuggestion>();
        foreach (var candidate in candidates
            .OrderByDescending(c => c.Confidence)
            .ThenBy(c => columnOrder[c.SourceField]))
        {
            if (usedColumns.Contains(candidate.SourceField) || usedFields.Contains(candidate.TargetField))
            {
                continue;
            }
            usedColumns.Add(candidate.SourceField);
            usedFields.Add(candidate.TargetField);
            chosen.Add(candidate);
        }
        return [.. chosen.OrderBy(c => fieldOrder[c.TargetField])];
    }

    /// <summary>A target field with its name and synonyms normalised.</summary>
    sealed class Target(TargetField field)
    {
        public TargetField Field { get; } = field;

        public string Name { get; } = Normalize(field.Name);

        public IReadOnlyList<string> Synonyms { get; } = [.. field.Synonyms.Select(Normalize)];
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

    static (double Score, string Reason) Score(string column, Target target, double fit)
    {
        var field = target.Field;
        if (column == target.Name)
        {
            return (1.0, "exact name");
        }
        for (var i = 0; i < target.Synonyms.Count; i++)
        {
            if (column == target.Synonyms[i])
            {
                return (0.95, $"known name '{field.Synonyms[i]}'");
            }
        }
        var best = (Score: 0.0, Reason: "");
        for (var i = 0; i <= target.Synonyms.Count; i++)
        {
            var similarity = i < target.Synonyms.Count ? Similarity(column, target.Synonyms[i]) : Similarity(column, target.Name);
            if (similarity >= 0.85 && 0.8 * similarity > best.Score)
            {
                best = (0.8 * similarity, $"similar to '{(i < target.Synonyms.Count ? field.Synonyms[i] : field.Name)}'");
            }
        }
        if (fit > best.Score)
        {
            best = (fit, "values look like " + field.Name);
        }
        return best;
    }

    static List<string> Present(IReadOnlyList<string> values) => [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())];

    /// <param name="present">The column's sample values, trimmed; not empty.</param>
    static double ValueFit(string pattern, List<string> present)
    {
        Func<string, bool>? test = pattern switch
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
        var longer = Math.Max(a.Length, b.Length);
        // The distance is at least the difference in length; names that far apart are never similar enough to count.
        if (1.0 - Math.Abs(a.Length - b.Length) / (double)longer < 0.85)
        {
            return 0;
        }
        var distance = Levenshtein(a, b);
        return 1.0 - distance / (double)longer;
    }

    static int Levenshtein(string a, string b)
    {
        Span<int> previous = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
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
            var done = previous;
            previous = current;
            current = done;
        }
        return previous[b.Length];
    }

    // NonBacktracking: the two loops of the domain part overlap, so backtracking takes quadratic time on a long run of dots.
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex EmailPattern();
}
