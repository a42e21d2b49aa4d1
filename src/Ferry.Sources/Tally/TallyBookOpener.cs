using Ferry.Erp.Books;

namespace Ferry.Sources.Tally;

public sealed class TallyBookOpener : IBookOpener
{
    public IBook Open(string path, string fileName, BookOptions options) => TallyBook.Read(path, fileName, options);
}
