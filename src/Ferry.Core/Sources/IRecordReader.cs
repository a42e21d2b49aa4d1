namespace Ferry.Core.Sources;

/// <summary>A forward-only reader over the rows of one source table.</summary>
public interface IRecordReader : IDisposable
{
    IReadOnlyList<string> Columns { get; }

    /// <summary>1-based number of the current data row (the header is not counted).</summary>
    long RowNumber { get; }

    /// <summary>Human-readable position of the current row in the file, e.g. "line 12".</summary>
    string Location { get; }

    bool Read();

    /// <summary>The text of a cell of the current row; null when the row has no such cell or it is empty.</summary>
    string? GetValue(int ordinal);
}
