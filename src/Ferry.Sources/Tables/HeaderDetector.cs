using Ferry.Core.Sources;
using Ferry.Core.Values;

namespace Ferry.Sources.Tables;

/// <summary>
/// Finds the header of a table that may have title rows above it (company name, report name, period) and a second
/// header row joined to it: a unit row below ("Debit Amount" over "Inwards Qty") or a group row above ("Billing" over
/// "City"). Rows are looked at, never guessed from the file name.
/// </summary>
public static class HeaderDetector
{
    /// <summary>How many non-blank rows, from the chosen header row if there is one, are read ahead to decide.</summary>
    public const int SampleSize = 30;

    const int SearchRows = 20;

    public static HeaderLayout Detect(IReadOnlyList<SampleRow> rows, long? headerRow, bool widenToData)
    {
        int header;
        if (headerRow is { } wanted)
        {
            header = rows.ToList().FindIndex(r => r.RowIndex == wanted);
            if (header < 0)
            {
                throw new SourceFormatException($"Row {wanted} cannot be the header: it is blank, or the table ends before it.");
            }
        }
        else if (rows.Count == 0)
        {
            throw new SourceFormatException("The table is empty: it has no rows with values. Export the data again and upload the file that has rows in it.");
        }
        else
        {
            header = FindHeader(rows);
        }

        var names = rows[header].Cells.ToArray();
        var width = rows[header].Length;
        var headerRows = 1;
        if (headerRow is null && header + 1 < rows.Count && IsUnitRow(rows, header))
        {
            var below = rows[header + 1];
            for (var j = 0; j < names.Length; j++)
            {
                if (below[j] is { } unit)
                {
                    names[j] = $"{names[j]} / {unit}";
                }
            }
            headerRows = 2;
            header++;
        }
        else if (headerRow is null && header > 0 && IsGroupRow(rows[header - 1], rows[header]))
        {
            var above = rows[header - 1];
            // Merged group labels repeat across their range in a workbook; saved as text, a label sits in its first
            // cell only and is carried right to the next one.
            var carry = !HasRepeats(above);
            string? group = null;
            for (var j = 0; j < names.Length; j++)
            {
                group = above[j] ?? (carry ? group : null);
                if (group is not null && names[j] is not null)
                {
                    names[j] = $"{group} / {names[j]}";
                }
            }
            headerRows = 2;
        }

        if (widenToData)
        {
            for (var i = header + 1; i < rows.Count; i++)
            {
                width = Math.Max(width, rows[i].Length);
            }
        }
        return new HeaderLayout(rows[header].RowIndex, headerRows, UniqueNames(names, width));
    }

    /// <summary>The first row, below any title rows, that is as wide as the rows under it and holds only labels.</summary>
    static int FindHeader(IReadOnlyList<SampleRow> rows)
    {
        var widest = rows.Max(r => r.Width);
        for (var i = 0; i < Math.Min(rows.Count, SearchRows); i++)
        {
            var row = rows[i];
            var labels = row.Cells.OfType<string>().ToList();
            // A title merged across columns repeats one value; it names the report, not a column.
            if (labels.Distinct(StringComparer.Ordinal).Count() < 2 && widest > 1)
            {
                continue;
            }
            var below = rows.Skip(i + 1).Take(10).Select(r => r.Width).DefaultIfEmpty(row.Width).Max();
            if (row.Width * 2 < below)
            {
                continue;
            }
            if (labels.All(IsLabel))
            {
                return i;
            }
        }
        return 0;
    }

    /// <summary>
    /// A sparse row right under the header whose labels sit over columns that hold numbers or dates below, like
    /// Tally's "Inwards Qty" under "Debit Amount".
    /// </summary>
    static bool IsUnitRow(IReadOnlyList<SampleRow> rows, int header)
    {
        var head = rows[header];
        var below = rows[header + 1];
        if (below.RowIndex != head.RowIndex + 1 || below.Width >= head.Width)
        {
            return false;
        }
        var data = rows.Skip(header + 2).Take(10).ToList();
        var numeric = 0;
        for (var j = 0; j < below.Cells.Length; j++)
        {
            if (below[j] is not { } label)
            {
                continue;
            }
            if (!IsLabel(label) || head[j] is null)
            {
                return false;
            }
            var values = data.Select(r => r[j]).OfType<string>().ToList();
            var labels = values.Count(IsLabel);
            if (labels * 2 > values.Count)
            {
                return false;
            }
            if (values.Count > 0)
            {
                numeric++;
            }
        }
        return numeric > 0;
    }

    /// <summary>
    /// A row right above the header naming groups of its columns ("Billing" over "City", "State"): each label over a
    /// named column, and either several groups or one that does not start at the first column, as a title would.
    /// </summary>
    static bool IsGroupRow(SampleRow above, SampleRow head)
    {
        if (above.RowIndex != head.RowIndex - 1)
        {
            return false;
        }
        var groups = above.Cells.OfType<string>().ToList();
        if (groups.Count == 0 || !groups.All(IsLabel))
        {
            return false;
        }
        if (groups.Distinct(StringComparer.OrdinalIgnoreCase).Count() < 2 && above[0] is not null)
        {
            return false;
        }
        if (above.Width >= head.Width && !HasRepeats(above))
        {
            return false;
        }
        return above.Cells.Select((c, j) => c is null || head[j] is not null).All(ok => ok);
    }

    static bool HasRepeats(SampleRow row) => row.Cells.Zip(row.Cells.Skip(1)).Any(p => p.First is not null && p.First == p.Second);

    static bool IsLabel(string text) =>
        text.Length <= 100 && !ValueParser.TryParseAmount(text, out _, out _) && !ValueParser.TryParseDate(text, out _);

    static List<string> UniqueNames(string?[] names, int width)
    {
        var result = new List<string>(width);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // Where each repeated name's numbering goes on, so a row of one name repeated costs no more than its width.
        var nextNumber = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < width; i++)
        {
            var name = i < names.Length && names[i] is { } n ? n : $"Column {i + 1}";
            var unique = name;
            if (!seen.Add(unique))
            {
                var k = nextNumber.GetValueOrDefault(name, 2);
                do
                {
                    unique = $"{name} ({k++})";
                }
                while (!seen.Add(unique));
                nextNumber[name] = k;
            }
            result.Add(unique);
        }
        return result;
    }
}
