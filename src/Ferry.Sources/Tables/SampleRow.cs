namespace Ferry.Sources.Tables;

/// <summary>A row read ahead for header detection; the table reader replays it afterwards.</summary>
public sealed record SampleRow(long RowIndex, string?[] Cells)
{
    public static SampleRow From(IRowSource source)
    {
        var cells = new string?[source.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = source.GetText(i);
        }
        return new SampleRow(source.RowIndex, cells);
    }

    public int Width => Cells.Count(c => c is not null);

    public string? this[int column] => column < Cells.Length ? Cells[column] : null;
}
