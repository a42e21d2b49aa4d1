using System.Globalization;
using Ferry.Core.Sources;

namespace Ferry.Core.Tests.Pipeline;

/// <summary>Rows held in memory, numbered as a CSV reader numbers them: the first data row is 1, at "row 2".</summary>
sealed class InMemoryRecordReader(IReadOnlyList<string> columns, IReadOnlyList<string?[]> rows) : IRecordReader
{
    int _index = -1;

    public IReadOnlyList<string> Columns => columns;

    public long RowNumber => _index + 1;

    public string Location => "row " + (_index + 2).ToString(CultureInfo.InvariantCulture);

    public int RowsRead { get; private set; }

    public bool Read()
    {
        if (_index + 1 >= rows.Count)
        {
            return false;
        }
        _index++;
        RowsRead++;
        return true;
    }

    public string? GetValue(int ordinal) => ordinal < rows[_index].Length ? rows[_index][ordinal] : null;

    public void Dispose()
    {
    }
}
