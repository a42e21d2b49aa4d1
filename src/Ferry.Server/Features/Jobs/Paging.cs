using Microsoft.EntityFrameworkCore;

namespace Ferry.Server.Features.Jobs;

/// <summary>A 1-based page of a list. A page past the end is empty; its offset is computed in 64 bits, so it never wraps.</summary>
readonly record struct Paging(int Page, int Size)
{
    public const int MaxPageSize = 500;

    public static Paging Of(int? page, int? pageSize) => new(Math.Max(page ?? 1, 1), Math.Clamp(pageSize ?? 50, 1, MaxPageSize));

    long Offset => (Page - 1L) * Size;

    /// <summary>Counts the rows and reads this page of them, already in the list's order.</summary>
    public async Task<Paged<TItem>> ReadAsync<TRow, TItem>(IQueryable<TRow> ordered, Func<TRow, TItem> item, CancellationToken cancellationToken)
    {
        var total = await ordered.LongCountAsync(cancellationToken);
        if (Offset >= total)
        {
            return new Paged<TItem>([], total, Page, Size);
        }
        var rows = await ordered.Skip((int)Math.Min(Offset, int.MaxValue)).Take(Size).ToListAsync(cancellationToken);
        return new Paged<TItem>([.. rows.Select(item)], total, Page, Size);
    }

    /// <summary>This page of a list already in memory.</summary>
    public Paged<TItem> Slice<TItem>(IReadOnlyList<TItem> all) =>
        new(Offset >= all.Count ? [] : [.. all.Skip((int)Offset).Take(Size)], all.Count, Page, Size);
}
