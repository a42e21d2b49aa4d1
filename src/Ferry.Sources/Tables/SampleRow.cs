namespace Ferry.Sources.Tables;

/// <summary>A row read ahead for header detection; the table reader replays it afterwards.</summary>
/// <param name="Cells">The row's cells, no more than were asked to be kept.</param>
/// <param name="Length">The row's cells up to its last non-blank one, kept or not.</param>
public sealed record SampleRow(long RowIndex, string?[] Cells, int Length)
{
    /// <param name="keep">At most this many cells are kept: a row wider than any table may be makes its table too wide, and its cells are never read.</param>
    public static SampleRow From(IRowSource source, int keep)
    {
        var cells = new string?[Math.Min(source.FieldCount, keep)];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = source.GetText(i);
        }
        return new SampleRow(source.RowIndex, cells, source.FieldCount);
    }

    public int Width => Cells.Count(c => c is not null);

    public string? this[int column] => column < Cells.Length ? Cells[column] : null;
}
