using ExcelDataReader;

namespace Ferry.Sources.Excel;

/// <summary>
/// Repeats each merged range's top-left text into every cell of the range, row by row as the sheet streams past: only
/// the ranges that cover the current row are held, with the text they repeat.
/// </summary>
sealed class MergedRanges
{
    readonly CellRange[] _byFirstRow;
    readonly List<(CellRange Range, string? Text)> _open = [];
    int _next;

    public MergedRanges(CellRange[]? ranges)
    {
        _byFirstRow = (ranges ?? [])
            .Where(r => r.FromRow >= 0 && r.FromColumn >= 0 && r.ToRow >= r.FromRow && r.ToColumn >= r.FromColumn)
            .OrderBy(r => r.FromRow)
            .ToArray();
    }

    /// <summary>
    /// Fills the merged cells of physical row <paramref name="row"/> (0-based; every row must be passed, in order),
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
