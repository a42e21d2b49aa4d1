using Ferry.Core.Profiling;
using Ferry.Core.Sources;
using Ferry.Sources.Tables;

namespace Ferry.Sources;

/// <summary>
/// One streaming pass over a table: counts its rows, checks every row can be read, profiles each column in bounded
/// memory and keeps the first rows as a preview, long values cut short. A column gets its profiler with its first
/// value, and a row is looked at only up to its last value, so columns that stay empty and short rows in a wide table
/// cost nothing.
/// </summary>
public static class TableProfiler
{
    public static TableInspection Profile(IRecordReader reader, string name, string? parent, int headerRow, int previewRows)
    {
        var columns = reader.Columns;
        var ragged = reader as IRaggedRecordReader;
        var profilers = new ColumnProfiler?[columns.Count];
        var preview = new List<IReadOnlyDictionary<string, string?>>();
        long rows = 0;
        while (reader.Read())
        {
            rows++;
            Dictionary<string, string?>? row = null;
            if (preview.Count < previewRows)
            {
                row = new Dictionary<string, string?>(columns.Count, StringComparer.Ordinal);
                foreach (var column in columns)
                {
                    row[column] = null;
                }
                preview.Add(row);
            }
            var width = ragged?.FieldCount ?? columns.Count;
            for (var i = 0; i < width; i++)
            {
                if (reader.GetValue(i) is not { } value)
                {
                    continue;
                }
                (profilers[i] ??= new ColumnProfiler(columns[i])).Add(value);
                if (row is not null)
                {
                    row[columns[i]] = ProfileText.Shorten(value);
                }
            }
        }
        var totals = reader is GridRecordReader grid ? grid.TotalRows : 0;
        return new TableInspection(name, parent, headerRow, columns, rows, totals, preview,
            [.. profilers.Select((profiler, i) => profiler?.Build(rows) ?? ColumnProfiler.Empty(columns[i]))]);
    }
}
