using Ferry.Core.Profiling;
using Ferry.Core.Sources;
using Ferry.Sources.Csv;

namespace Ferry.Sources;

/// <summary>
/// One streaming pass over a table: counts rows, checks every row can be read, and keeps a bounded profile
/// (fill rate and a few distinct sample values per column) and the first rows as a preview.
/// </summary>
public static class TableInspector
{
    const int SamplesPerColumn = 20;

    public static FileInspection Inspect(IRecordReader reader, string format, int previewRows)
    {
        using (reader)
        {
            var columns = reader.Columns;
            var filled = new long[columns.Count];
            var samples = columns.Select(_ => new List<string>()).ToArray();
            var preview = new List<IReadOnlyDictionary<string, string?>>();
            long rows = 0;
            while (reader.Read())
            {
                rows++;
                Dictionary<string, string?>? row = preview.Count < previewRows ? new(StringComparer.Ordinal) : null;
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = reader.GetValue(i);
                    if (row is not null)
                    {
                        row[columns[i]] = value;
                    }
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        continue;
                    }
                    filled[i]++;
                    if (samples[i].Count < SamplesPerColumn && !samples[i].Contains(value))
                    {
                        samples[i].Add(value);
                    }
                }
                if (row is not null)
                {
                    preview.Add(row);
                }
            }
            if (rows == 0)
            {
                throw new SourceFormatException("The file has a header row but no data rows.");
            }
            var profiles = columns.Select((c, i) => new ColumnProfile(c, "text", Math.Round(filled[i] / (double)rows, 4), samples[i].Count, samples[i], [], null, [])).ToList();
            var csv = reader as CsvRecordReader;
            return new FileInspection(format, csv?.EncodingName ?? "utf-8", csv is null ? null : DelimiterName(csv.Delimiter), null,
                [new TableInspection(format, null, 1, columns, rows, 0, preview, profiles)]);
        }
    }

    static string DelimiterName(char delimiter) => delimiter switch
    {
        '\t' => "\\t",
        _ => delimiter.ToString(),
    };
}
