using Ferry.Core.Sources;

namespace Ferry.Sources.Json;

/// <summary>
/// Reads JSON and JSON Lines files as tables, streaming: a top-level array of objects, the arrays of objects in an
/// API response's envelope, or one object per line; nested arrays of objects become child tables.
/// </summary>
public static class JsonTableFile
{
    /// <summary>One streaming pass over the file: whether it is "json" or "jsonl", and the tables it holds with their columns and row counts.</summary>
    /// <param name="limits">A file with more tables, or a table with more fields, is refused as soon as one is met.</param>
    public static JsonLayout Describe(string path, SourceOptions? limits = null)
    {
        // A file that starts with an object is an API envelope or the first line of JSON Lines; only what follows
        // that object tells, so the start is read once on its own before the records are.
        bool lines;
        using (var probe = JsonText.OpenUtf8(path, out _))
        {
            lines = JsonRecordStream.HoldsLines(probe);
        }
        using var records = new JsonRecordStream(JsonText.OpenUtf8(path, out var encoding), lines);
        var flattener = new RecordFlattener(limits ?? new SourceOptions());
        var known = 0;
        while (records.MoveNext())
        {
            AddTables();
            flattener.Flatten(records.Record, records.Table);
        }
        AddTables();
        return new JsonLayout(lines ? "jsonl" : "json", encoding, flattener.DescribeTables());

        void AddTables()
        {
            for (; known < records.Tables.Count; known++)
            {
                flattener.AddTable(records.Tables[known]);
            }
        }
    }

    /// <summary>Streams the rows of one table described by <see cref="Describe"/>; Columns are the table's columns from the layout.</summary>
    public static IRecordReader Open(string path, JsonLayout layout, string table)
    {
        if (layout.Format is not ("json" or "jsonl"))
        {
            throw new ArgumentException($"'{layout.Format}' is not a JSON format; expected \"json\" or \"jsonl\".", nameof(layout));
        }
        var target = layout.Tables.FirstOrDefault(t => t.Name == table)
            ?? throw new ArgumentException($"The layout has no table named '{table}'.", nameof(table));
        var recordTable = target;
        while (recordTable.Parent is { } parent)
        {
            recordTable = layout.Tables.FirstOrDefault(t => t.Name == parent)
                ?? throw new ArgumentException($"The layout has no table named '{parent}', the parent of '{recordTable.Name}'.", nameof(layout));
        }
        var records = new JsonRecordStream(JsonText.OpenUtf8(path, out _), layout.Format == "jsonl");
        return new JsonRecordReader(records, new RecordFlattener(layout, target), recordTable.Name, target.Columns);
    }
}
