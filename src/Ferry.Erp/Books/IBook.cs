namespace Ferry.Erp.Books;

/// <summary>
/// A source's whole books, read in two passes: masters are held (they are few and vouchers refer to them), vouchers
/// are streamed. Entries are numbered masters first, then vouchers in source order.
/// </summary>
public interface IBook
{
    string Format { get; }

    string? Company { get; }

    IReadOnlyList<BookEntry> Masters { get; }

    /// <summary>Masters plus every voucher of the source, skipped ones included.</summary>
    long Count { get; }

    BookTotals Totals { get; }

    /// <summary>The vouchers numbered after <paramref name="sequence"/>, read from the source as they are consumed.</summary>
    IEnumerable<BookEntry> Vouchers(long sequence);
}

/// <summary>Opens files that hold whole books (a Tally export) rather than one table.</summary>
public interface IBookOpener
{
    IBook Open(string path, string fileName, BookOptions options);
}
