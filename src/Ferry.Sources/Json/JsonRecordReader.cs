using Ferry.Core.Sources;
using Ferry.Sources.Tables;

namespace Ferry.Sources.Json;

/// <summary>Streams the rows of one table of a JSON or JSON Lines file, one record of the file at a time.</summary>
sealed class JsonRecordReader(JsonRecordStream records, RecordFlattener flattener, string recordTable, IReadOnlyList<string> columns)
    : IRaggedRecordReader
{
    JsonRow _row = new(0, "start of file", new RowValues());

    public IReadOnlyList<string> Columns => columns;

    public long RowNumber => _row.Number;

    public string Location => _row.Location;

    public bool Read()
    {
        while (!flattener.TryTakeRow(out _row))
        {
            if (!records.MoveNext())
            {
                return false;
            }
            if (records.Table == recordTable)
            {
                flattener.Flatten(records.Record, records.Table);
            }
        }
        return true;
    }

    public string? GetValue(int ordinal) => _row.Values[ordinal];

    public int FieldCount => Math.Min(_row.Values.Length, columns.Count);

    public void Dispose() => records.Dispose();
}
