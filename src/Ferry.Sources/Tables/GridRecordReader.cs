using System.Globalization;
using System.Text.RegularExpressions;
using Ferry.Core.Sources;

namespace Ferry.Sources.Tables;

/// <summary>
/// Reads a sheet or delimited text as a table: finds the header (below any title rows), then streams the data rows
/// under it, leaving out rows labelled as totals. Rows read ahead for the header are replayed, never read twice.
/// </summary>
public sealed partial class GridRecordReader : IRecordReader
{
    readonly IRowSource _source;
    readonly Queue<SampleRow> _ahead;
    readonly string? _table;
    readonly char? _delimiter;
    SampleRow? _current;
    long _row;

    GridRecordReader(IRowSource source, HeaderLayout layout, Queue<SampleRow> ahead, string? table, char? delimiter)
    {
        _source = source;
        Layout = layout;
        _ahead = ahead;
        _table = table;
        _delimiter = delimiter;
    }

    public IRowSource Source => _source;

    public HeaderLayout Layout { get; }

    public IReadOnlyList<string> Columns => Layout.Columns;

    public long RowNumber => _row;

    /// <summary>Rows labelled "Total", "Grand Total" or "Sub Total" that were left out.</summary>
    public long TotalRows { get; private set; }

    /// <summary>Where the row is as a spreadsheet shows it, e.g. "row 12" or "Customers row 12".</summary>
    public string Location => (_table is null ? "row " : _table + " row ") + CurrentIndex.ToString(CultureInfo.InvariantCulture);

    long CurrentIndex => _current?.RowIndex ?? _source.RowIndex;

    /// <param name="table">Named in locations (a sheet); null for a file holding one table.</param>
    /// <param name="delimiter">For delimited text: a row wider than its header is an error (an unquoted delimiter), not more columns.</param>
    public static GridRecordReader Open(IRowSource source, string? table, long? headerRow, char? delimiter)
    {
        try
        {
            var ahead = new List<SampleRow>();
            while (ahead.Count < HeaderDetector.SampleSize || (headerRow is { } wanted && ahead[^1].RowIndex < wanted && ahead.Count < 10_000))
            {
                if (!source.Read())
                {
                    break;
                }
                ahead.Add(SampleRow.From(source));
            }
            var layout = HeaderDetector.Detect(ahead, headerRow, widenToData: delimiter is null);
            var queue = new Queue<SampleRow>(ahead.Where(r => r.RowIndex > layout.HeaderRow));
            return new GridRecordReader(source, layout, queue, table, delimiter);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    public bool Read()
    {
        while (true)
        {
            if (_ahead.TryDequeue(out var sample))
            {
                _current = sample;
            }
            else
            {
                _current = null;
                if (!_source.Read())
                {
                    return false;
                }
            }
            if (IsTotal(GetCell(FirstFilled())))
            {
                TotalRows++;
                continue;
            }
            var width = _current?.Cells.Length ?? _source.FieldCount;
            if (_delimiter is { } delimiter && width > Columns.Count)
            {
                throw new SourceFormatException(
                    $"Row {CurrentIndex} has {width} fields but the header has {Columns.Count}: a value probably contains an unquoted '{delimiter}'. Quote that value or remove the extra field, then upload again.");
            }
            _row++;
            return true;
        }
    }

    public string? GetValue(int ordinal) => ordinal < Columns.Count ? GetCell(ordinal) : null;

    string? GetCell(int column) => column < 0 ? null : _current is { } row ? row[column] : _source.GetText(column);

    int FirstFilled()
    {
        var width = _current?.Cells.Length ?? _source.FieldCount;
        for (var i = 0; i < width; i++)
        {
            if (GetCell(i) is not null)
            {
                return i;
            }
        }
        return -1;
    }

    static bool IsTotal(string? label) => label is not null && label.Length <= 20 && TotalLabel().IsMatch(label);

    [GeneratedRegex(@"^(grand\s*|sub\s*-?\s*)?totals?\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TotalLabel();

    public void Dispose() => _source.Dispose();
}
