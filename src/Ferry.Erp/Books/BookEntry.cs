using Ferry.Erp.Model;

namespace Ferry.Erp.Books;

/// <summary>
/// One object of a source's books, turned into the ERP row it becomes. <see cref="Sequence"/> numbers every object
/// the same way on every read, so a checkpoint names the last one committed. An entry with a
/// <see cref="SkipReason"/> (a cancelled voucher) or an <see cref="Error"/> (an unbalanced one) has no row to write.
/// </summary>
public sealed record BookEntry(long Sequence, string Entity, string Location, string Label, ErpRow? Row)
{
    public string? SkipReason { get; init; }

    public string? Error { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];
}
