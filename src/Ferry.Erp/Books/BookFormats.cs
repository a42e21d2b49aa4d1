namespace Ferry.Erp.Books;

/// <summary>File formats that hold whole books rather than one table.</summary>
public static class BookFormats
{
    public const string TallyXml = "tally-xml";

    public static bool IsBook(string? format) => format == TallyXml;
}
