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

    /// <summary>Cells in the current row, up to its last non-blank one and no further than <see cref="ReadWidth"/>.</summary>
    int FieldCount { get; }

    /// <summary>
    /// The columns wanted, once the table's width is known: cells at or past it are neither kept nor filled in from
    /// merged ranges, however far a row or a range reaches. Unlimited until set.
    /// </summary>
    int ReadWidth { get; set; }

    /// <summary>The cell's text, trimmed; null when the cell is empty or beyond <see cref="FieldCount"/>.</summary>
    string? GetText(int column);
}
