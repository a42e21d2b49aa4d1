using Ferry.Core.Profiling;
using Ferry.Core.Sources;
using Ferry.Sources.Tables;

namespace Ferry.Sources;

/// <summary>
/// One streaming pass over a table: counts its rows, checks every row can be read, profiles each column in bounded
/// memory and keeps the first rows as a preview.
/// </summary>
public static class TableProfiler
{
    public static TableInspection Profile(IRecordReader reader, string name, string? parent, int headerRow, int previewRows)
    {
        var columns = reader.Columns;
        var profilers = columns.Select(c => new ColumnProfiler(c)).ToArray();
        var preview = new List<IReadOnlyDictionary<string, string?>>();
        long rows = 0;
        while (reader.Read())
        {
            rows++;
            Dictionary<string, string?>? row = preview.Count < previewRows ? new(StringComparer.Ordinal) : null;
            for (var i = 0; i < columns.Count; i++)
            {
                var value = reader.GetValue(i);
                profilers[i].Add(value);
                if (row is not null)
                {
                    row[columns[i]] = value;
                }
            }
            if (row is not null)
            {
                preview.Add(row);
            }
        }
        var totals = reader is GridRecordReader grid ? grid.TotalRows : 0;
        return new TableInspection(name, parent, headerRow, columns, rows, totals, preview, [.. profilers.Select(p => p.Build(rows))]);
    }
}
