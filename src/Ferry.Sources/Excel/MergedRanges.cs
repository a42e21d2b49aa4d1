namespace Ferry.Sources.Excel;

/// <summary>
/// Repeats each merged range's top-left text into every cell of the range, row by row as the sheet streams past: only
/// the ranges that cover the current row are held, with the text they repeat.
/// </summary>
sealed class MergedRanges
{
    readonly MergedRange[] _byFirstRow;
    readonly List<(MergedRange Range, string? Text)> _open = [];
    int _next;

    public MergedRanges(IEnumerable<MergedRange> ranges)
    {
        _byFirstRow = ranges
            .Where(r => r.FromRow >= 0 && r.FromColumn >= 0 && r.ToRow >= r.FromRow && r.ToColumn >= r.FromColumn)
            .OrderBy(r => r.FromRow)
            .ToArray();
        Widest = _byFirstRow.Select(r => r.ToColumn + 1).DefaultIfEmpty(0).Max();
    }

    /// <summary>One past the last column any range reaches.</summary>
    public int Widest { get; }

    /// <summary>
    /// The last row (0-based) that a range already passed still fills, or -1: rows missing from the sheet up to it
    /// read as the ranges' text; past it they are blank, since a range whose top-left row is missing fills nothing.
    /// </summary>
    public int LastRowFilled => _open.Where(open => open.Text is not null).Select(open => open.Range.ToRow).DefaultIfEmpty(-1).Max();

    /// <summary>
    /// Fills the merged cells of physical row <paramref name="row"/> (0-based; rows in order, none left out before
    /// <see cref="LastRowFilled"/>),
    /// whose own texts are in <paramref name="texts"/>, up to <paramref name="width"/> columns.
    /// </summary>
    /// <returns>The index of the last column the fill wrote, or -1.</returns>
    public int Fill(int row, string?[] texts, int width)
    {
        _open.RemoveAll(open => open.Range.ToRow < row);
        for (; _next < _byFirstRow.Length && _byFirstRow[_next].FromRow <= row; _next++)
        {
            var range = _byFirstRow[_next];
            if (range.ToRow < row)
            {
                continue;
            }
            var topLeft = range.FromRow == row && range.FromColumn < width ? texts[range.FromColumn] : null;
            _open.Add((range, topLeft));
        }
        var last = -1;
        foreach (var (range, text) in _open)
        {
            if (text is null)
            {
                continue;
            }
            var end = Math.Min(range.ToColumn, width - 1);
            for (var column = range.FromColumn; column <= end; column++)
            {
                texts[column] = text;
            }
            last = Math.Max(last, end);
        }
        return last;
    }
}

/// <summary>A merged range, 0-based and inclusive.</summary>
readonly record struct MergedRange(int FromRow, int FromColumn, int ToRow, int ToColumn);
