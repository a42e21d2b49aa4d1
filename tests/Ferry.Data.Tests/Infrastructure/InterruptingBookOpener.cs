using Ferry.Erp.Books;
using Ferry.Sources.Tally;

namespace Ferry.Data.Tests.Infrastructure;

/// <summary>
/// Opens books like the real opener, but calls an action once, when the vouchers reach the given entry — to crash a
/// books import in the middle of a run. Later reads (a resumed run) are not interrupted.
/// </summary>
public sealed class InterruptingBookOpener(long sequence, Action interrupt) : IBookOpener
{
    readonly TallyBookOpener _inner = new();
    int _fired;

    public IBook Open(string path, string fileName, BookOptions options) => new Book(_inner.Open(path, fileName, options), this);

    void OnEntry(long number)
    {
        if (number == sequence && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            interrupt();
        }
    }

    sealed class Book(IBook inner, InterruptingBookOpener opener) : IBook
    {
        public string Format => inner.Format;

        public string? Company => inner.Company;

        public IReadOnlyList<BookEntry> Masters => inner.Masters;

        public long Count => inner.Count;

        public BookTotals Totals => inner.Totals;

        public IEnumerable<BookEntry> Vouchers(long sequence)
        {
            foreach (var entry in inner.Vouchers(sequence))
            {
                opener.OnEntry(entry.Sequence);
                yield return entry;
            }
        }
    }
}
