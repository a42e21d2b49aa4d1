using Ferry.Core.Values;
using static System.FormattableString;

namespace Ferry.Core.Profiling;

/// <summary>
/// What a column's values say about dates: how many read as dates, which day/month order they prove, how they are
/// written, and which bare numbers could be Excel serial days.
/// </summary>
internal sealed class DateEvidence
{
    public const string ExcelSerialFormat = "excel_serial";
    const int PatternLimit = 32;

    readonly Dictionary<string, long> _dayFirstPatterns = new(StringComparer.Ordinal);
    readonly Dictionary<string, long> _monthFirstPatterns = new(StringComparer.Ordinal);
    string? _dayFirstExample;
    string? _monthFirstExample;
    (string Text, DateTime DayFirst, DateTime MonthFirst)? _ambiguousExample;
    (string Text, DateTime Value)? _serialExample;

    /// <summary>Values written as dates, read in either order.</summary>
    public long Dates { get; private set; }

    /// <summary>Dates written with a time other than midnight.</summary>
    public long WithTime { get; private set; }

    public long DayFirstProofs { get; private set; }

    public long MonthFirstProofs { get; private set; }

    public long Ambiguous { get; private set; }

    /// <summary>Bare numbers that are Excel serial days between 1950 and 2099.</summary>
    public long Serials { get; private set; }

    public long SerialsWithTime { get; private set; }

    public string? FirstNonDate { get; private set; }

    public string? FirstNeitherDateNorSerial { get; private set; }

    public DateOrder Order => MonthFirstProofs > DayFirstProofs ? DateOrder.MonthFirst : DateOrder.DayFirst;

    /// <summary>Counts one value; true when it is written as a date.</summary>
    public bool Add(string value)
    {
        var dayFirst = WrittenDate.TryRead(value, DateOrder.DayFirst, out var asDayFirst);
        var monthFirst = WrittenDate.TryRead(value, DateOrder.MonthFirst, out var asMonthFirst);
        if (!dayFirst && !monthFirst)
        {
            FirstNonDate ??= value;
            if (ExcelSerial.TryRead(value, out var serial, out var hasTime) && serial.Year is >= 1950 and <= 2099)
            {
                Serials++;
                SerialsWithTime += hasTime ? 1 : 0;
                _serialExample ??= (value.Trim(), serial);
            }
            else
            {
                FirstNeitherDateNorSerial ??= value;
            }
            return false;
        }

        Dates++;
        var written = dayFirst ? asDayFirst : asMonthFirst;
        if (written.Value.TimeOfDay != TimeSpan.Zero)
        {
            WithTime++;
        }
        if (dayFirst)
        {
            Count(_dayFirstPatterns, asDayFirst.Pattern);
        }
        if (monthFirst)
        {
            Count(_monthFirstPatterns, asMonthFirst.Pattern);
        }
        if (dayFirst && monthFirst)
        {
            if (asDayFirst.Value != asMonthFirst.Value)
            {
                Ambiguous++;
                _ambiguousExample ??= (value.Trim(), asDayFirst.Value, asMonthFirst.Value);
            }
        }
        else if (dayFirst)
        {
            DayFirstProofs++;
            _dayFirstExample ??= value.Trim();
        }
        else
        {
            MonthFirstProofs++;
            _monthFirstExample ??= value.Trim();
        }
        return true;
    }

    /// <summary>
    /// The ways the column writes its dates in its order, most used first. Patterns that differ only in digit width
    /// ("d-MM-yyyy" and "dd-MM-yyyy") are one way, named by the pattern that reads both ("d-MM-yyyy").
    /// </summary>
    public IReadOnlyList<(string Format, long Count)> Formats(bool withSerials)
    {
        var patterns = Order == DateOrder.MonthFirst ? _monthFirstPatterns : _dayFirstPatterns;
        var formats = patterns
            .GroupBy(p => Loosened(p.Key), StringComparer.Ordinal)
            .Select(g => (Format: Narrowest(g.Select(p => p.Key).ToList()), Count: g.Sum(p => p.Value)))
            .ToList();
        if (withSerials && Serials > 0)
        {
            formats.Add((ExcelSerialFormat, Serials));
        }
        return formats.OrderByDescending(f => f.Count).ThenBy(f => f.Format, StringComparer.Ordinal).ToList();
    }

    public IEnumerable<string> Notes(IReadOnlyList<(string Format, long Count)> formats, bool withSerials)
    {
        if (DayFirstProofs > 0 && MonthFirstProofs > 0)
        {
            var chosen = Order == DateOrder.MonthFirst ? "month-first" : "day-first";
            yield return Invariant($"Dates disagree on day and month order: '{_dayFirstExample}' can only be day-first but '{_monthFirstExample}' can only be month-first; read {chosen}, as {Math.Max(DayFirstProofs, MonthFirstProofs)} of {DayFirstProofs + MonthFirstProofs} such values are.");
        }
        else if (DayFirstProofs == 0 && MonthFirstProofs == 0 && _ambiguousExample is { } ambiguous)
        {
            yield return Invariant($"Day and month order is ambiguous: {ambiguous.Text} could be {ambiguous.DayFirst:d MMMM} or {ambiguous.MonthFirst:d MMMM}; no value in the column decides it, so it is read day-first.");
        }
        if (formats.Count > 1)
        {
            yield return "Dates are written in several formats: " + string.Join(", ", formats.Select(f => Invariant($"{f.Format} ({f.Count})"))) + ".";
        }
        if (withSerials && _serialExample is { } example)
        {
            var shown = example.Value.TimeOfDay == TimeSpan.Zero ? Invariant($"{example.Value:yyyy-MM-dd}") : Invariant($"{example.Value:yyyy-MM-dd HH:mm:ss}");
            yield return Invariant($"{Serials} values are Excel serial day numbers, e.g. {example.Text} = {shown}.");
        }
    }

    /// <summary>The note for a number column whose values could all be Excel serial days.</summary>
    public string? SerialHint(long numbers) =>
        Serials == numbers && _serialExample is { } example
            ? Invariant($"The values could be Excel serial dates (e.g. {example.Text} = {example.Value:yyyy-MM-dd}); read as numbers because the column name does not say it holds dates.")
            : null;

    static void Count(Dictionary<string, long> patterns, string pattern)
    {
        if (patterns.Count < PatternLimit || patterns.ContainsKey(pattern))
        {
            patterns[pattern] = patterns.GetValueOrDefault(pattern) + 1;
        }
    }

    static string Loosened(string pattern) => string.Concat(Runs(pattern).Select(r => new string(r.Letter, IsWidth(r) ? 1 : r.Length)));

    /// <summary>Patterns alike but for widths, merged so that a field written with one digit anywhere reads one digit.</summary>
    static string Narrowest(List<string> patterns)
    {
        var runs = patterns.Select(Runs).ToList();
        return string.Concat(runs[0].Select((run, i) => new string(run.Letter, IsWidth(run) ? runs.Min(r => r[i].Length) : run.Length)));
    }

    static bool IsWidth((char Letter, int Length) run) => run.Length == 2 && run.Letter is 'd' or 'M' or 'H' or 'h';

    static List<(char Letter, int Length)> Runs(string pattern)
    {
        var runs = new List<(char, int)>();
        for (var i = 0; i < pattern.Length;)
        {
            var length = 1;
            while (i + length < pattern.Length && pattern[i + length] == pattern[i])
            {
                length++;
            }
            runs.Add((pattern[i], length));
            i += length;
        }
        return runs;
    }
}
