using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Ferry.Sources.Tally.Live;

/// <summary>
/// The request envelopes Tally's XML server documents (Export / Data for a report, Export / Collection for a TDL
/// collection), encoded as Tally wants them: UTF-16 little-endian, which is the only form that carries ₹ and Indian
/// scripts both ways (see decision 0010).
/// </summary>
static class TallyRequests
{
    public const string ContentType = "text/xml";
    public const string CharSet = "utf-16";
    public const string CompaniesCollection = "Ferry Open Companies";

    static readonly Encoding Utf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: false);

    public static byte[] OpenCompanies() => Encode(Envelope(
        "Collection",
        CompaniesCollection,
        [],
        new XElement("TDL", new XElement("TDLMESSAGE", new XElement("COLLECTION",
            new XAttribute("NAME", CompaniesCollection),
            new XAttribute("ISMODIFY", "No"),
            new XElement("TYPE", "Company"),
            new XElement("NATIVEMETHOD", "Name"),
            new XElement("NATIVEMETHOD", "GUID"),
            new XElement("NATIVEMETHOD", "BooksFrom"),
            new XElement("NATIVEMETHOD", "StartingFrom"))))));

    public static byte[] AllMasters(string company) => Encode(Envelope(
        "Data",
        "List of Accounts",
        [Company(company), new XElement("ACCOUNTTYPE", "All Masters")]));

    public static byte[] DayBook(string company, DateOnly from, DateOnly to) => Encode(Envelope(
        "Data",
        "Day Book",
        [Company(company), Date("SVFROMDATE", from), Date("SVTODATE", to)]));

    static XElement Envelope(string type, string id, XElement[] variables, XElement? tdl = null) =>
        new("ENVELOPE",
            new XElement("HEADER",
                new XElement("VERSION", "1"),
                new XElement("TALLYREQUEST", "Export"),
                new XElement("TYPE", type),
                new XElement("ID", id)),
            new XElement("BODY",
                new XElement("DESC",
                    new XElement("STATICVARIABLES", [.. variables, new XElement("SVEXPORTFORMAT", "$$SysName:XML")]),
                    tdl)));

    static XElement Company(string company) => new("SVCURRENTCOMPANY", company);

    static XElement Date(string name, DateOnly date) =>
        new(name, new XAttribute("TYPE", "Date"), date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    static byte[] Encode(XElement envelope) => Utf16.GetBytes(envelope.ToString(SaveOptions.DisableFormatting));
}
