namespace Ferry.Sources.Tables;

/// <summary>
/// The physical rows of one sheet or text table, before a header is chosen: what header detection looks at and what
/// the table reader then streams.
/// </summary>
public interface IRowSource : IDisposable
{
    /// <summary>Moves to the next row that has at least one non-blank cell; false at the end.</summary>
    bool Read();

    /// <summary>1-based physical row number as a spreadsheet shows it (blank rows count).</summary>
    long RowIndex { get; }

    /// <summary>Cells in the current row, up to its last non-blank one.</summary>
    int FieldCount { get; }

    /// <summary>The cell's text, trimmed; null when the cell is empty or beyond <see cref="FieldCount"/>.</summary>
    string? GetText(int column);
}
