using System.Globalization;
using System.Text.RegularExpressions;
using Ferry.Core.Sources;

namespace Ferry.Sources.Tables;

/// <summary>
/// Reads a sheet or delimited text as a table: finds the header (below any title rows), then streams the data rows
/// under it, leaving out rows labelled as totals. Rows read ahead for the header are replayed, never read twice.
/// </summary>
public sealed partial class GridRecordReader : IRaggedRecordReader
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

    /// <param name="table">The sheet's name, named in locations and refusals; null for a file holding one table.</param>
    /// <param name="delimiter">For delimited text: a row wider than its header is an error (an unquoted delimiter), not more columns.</param>
    /// <param name="maxColumns">A table with more columns is refused (<see cref="TableTooWideException"/>) before its rows are read.</param>
    public static GridRecordReader Open(IRowSource source, string? table, long? headerRow, char? delimiter, int maxColumns)
    {
        try
        {
            var what = table is null ? "The file" : $"The sheet '{table}'";
            if (delimiter is null)
            {
                // One cell past the limit tells a table too wide; a sheet's cells and merged ranges further out are never read.
                source.ReadWidth = maxColumns + 1;
            }
            var ahead = new List<SampleRow>();
            while (ahead.Count < HeaderDetector.SampleSize && source.Read())
            {
                // A row of text wider than its header is an error, so one row too wide means a table too wide.
                if (delimiter is not null && source.FieldCount > maxColumns)
                {
                    throw SourceLimits.TooManyColumns(what, source.FieldCount, maxColumns);
                }
                if (headerRow is null || source.RowIndex >= headerRow)
                {
                    ahead.Add(SampleRow.From(source, maxColumns));
                }
            }
            var layout = HeaderDetector.Detect(ahead, headerRow, widenToData: delimiter is null);
            if (layout.Columns.Count > maxColumns)
            {
                throw SourceLimits.TooManyColumns(what, null, maxColumns);
            }
            if (delimiter is null)
            {
                source.ReadWidth = layout.Columns.Count;
            }
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
            var width = _current?.Length ?? _source.FieldCount;
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

    /// <summary>The current row's cells up to its last non-blank one within the table; the values past it are null.</summary>
    public int FieldCount => Math.Min(_current?.Length ?? _source.FieldCount, Columns.Count);

    string? GetCell(int column) => column < 0 ? null : _current is { } row ? row[column] : _source.GetText(column);

    int FirstFilled()
    {
        var width = FieldCount;
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
