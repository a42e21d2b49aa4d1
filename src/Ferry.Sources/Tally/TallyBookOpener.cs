using Ferry.Erp.Books;

namespace Ferry.Sources.Tally;

public sealed class TallyBookOpener : IBookOpener
{
    public bool IsBook(string path) => FormatDetector.Detect(path) == FormatDetector.TallyXml;

    public IBook Open(string path, string fileName, BookOptions options) => TallyBook.Read(path, fileName, options);
}
