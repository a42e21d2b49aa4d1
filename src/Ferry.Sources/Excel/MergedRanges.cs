namespace Ferry.Sources.Excel;

/// <summary>
/// Repeats each merged range's top-left text into every cell of the range, row by row as the sheet streams past: only
/// the ranges that cover the current row are held, with the text they repeat. Work per row is bounded by the columns
/// wanted, however far the ranges reach and however many a hostile file lists: ranges starting past the wanted
/// columns are left out, and a range overlapping one already open (which Excel never writes) is ignored.
/// </summary>
sealed class MergedRanges
{
    readonly MergedRange[] _byFirstRow;
    /// <summary>The ranges covering the current row, in column order; no two overlap.</summary>
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
    /// The last row (0-based) that the ranges open at the last <see cref="Fill"/> still fill, or -1: rows missing from
    /// the sheet up to it read as the ranges' text; past it they are blank, since a range whose top-left row is missing
    /// fills nothing.
    /// </summary>
    public int LastRowFilled { get; private set; } = -1;

    /// <summary>
    /// Fills the merged cells of physical row <paramref name="row"/> (0-based; rows in increasing order), whose own
    /// texts are in <paramref name="texts"/>, in the columns before <paramref name="width"/>.
    /// </summary>
    /// <param name="texts">At least <paramref name="width"/> long, or as long as <see cref="Widest"/>.</param>
    /// <returns>The last column a range with text reaches in the row, written or not (past <paramref name="width"/>), or -1.</returns>
    public int Fill(int row, string?[] texts, int width)
    {
        _open.RemoveAll(open => open.Range.ToRow < row || open.Range.FromColumn >= width);
        for (; _next < _byFirstRow.Length && _byFirstRow[_next].FromRow <= row; _next++)
        {
            var range = _byFirstRow[_next];
            if (range.ToRow >= row && range.FromColumn < width)
            {
                Open(range, range.FromRow == row ? texts[range.FromColumn] : null);
            }
        }
        var reach = -1;
        LastRowFilled = -1;
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
            reach = Math.Max(reach, range.ToColumn);
            LastRowFilled = Math.Max(LastRowFilled, range.ToRow);
        }
        return reach;
    }

    void Open(MergedRange range, string? text)
    {
        var at = _open.BinarySearch((range, null), ByFirstColumn.Instance);
        at = at < 0 ? ~at : at;
        var overlapsBefore = at > 0 && _open[at - 1].Range.ToColumn >= range.FromColumn;
        var overlapsAfter = at < _open.Count && _open[at].Range.FromColumn <= range.ToColumn;
        if (!overlapsBefore && !overlapsAfter)
        {
            _open.Insert(at, (range, text));
        }
    }

    sealed class ByFirstColumn : IComparer<(MergedRange Range, string? Text)>
    {
        public static ByFirstColumn Instance { get; } = new();

        public int Compare((MergedRange Range, string? Text) x, (MergedRange Range, string? Text) y) => x.Range.FromColumn.CompareTo(y.Range.FromColumn);
    }
}

/// <summary>A merged range, 0-based and inclusive.</summary>
readonly record struct MergedRange(int FromRow, int FromColumn, int ToRow, int ToColumn);
