using Ferry.Core.Sources;

namespace Ferry.Sources.Tally;

/// <summary>The rows of one kind of Tally master, located by the master's type and name.</summary>
sealed class TallyTableReader(string objectType, IReadOnlyList<string> columns, IReadOnlyList<string?[]> rows) : IRecordReader
{
    int _index = -1;

    public IReadOnlyList<string> Columns => columns;

    public long RowNumber => _index + 1;

    public string Location => rows.Count == 0 ? objectType : $"{objectType} '{rows[Math.Clamp(_index, 0, rows.Count - 1)][0]}'";

    public bool Read() => ++_index < rows.Count;

    public string? GetValue(int ordinal)
    {
        var row = rows[_index];
        return ordinal < row.Length && !string.IsNullOrWhiteSpace(row[ordinal]) ? row[ordinal] : null;
    }

    public void Dispose()
    {
    }
}
