using Ferry.Sources.Json;

namespace Ferry.Sources.Tests.Json;

/// <summary>A table of a described JSON file read to the end, each row as the values of its columns.</summary>
static class JsonRows
{
    public static List<string?[]> Of(string path, JsonLayout layout, string table)
    {
        using var reader = JsonTableFile.Open(path, layout, table);
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.Columns.Count).Select(reader.GetValue)]);
        }
        return rows;
    }
}
