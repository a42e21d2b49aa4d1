using System.Text;
using Ferry.Core;
using Ferry.Sources.Tally;
using Ferry.Sources.Tally.Live;
using Ferry.Tests.Fixtures;
using static Ferry.Tests.Fixtures.TallyXmlBuilder;

namespace Ferry.Sources.Tests.Tally.Live;

public sealed class TallySyncFileTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly TallyXmlBuilder Masters = new TallyXmlBuilder()
        .Company("कृष्णा ट्रेडर्स - (from 1-Apr-24)")
        .Message(Group("Sundry Debtors", "Current Assets", revenue: false, deemedPositive: true, reserved: "Sundry Debtors"))
        .Message(Ledger("Cash", "Cash-in-Hand", opening: -30000m), BuiltInVoucherType("Receipt"));

    static readonly TallyXmlBuilder DayBook = new TallyXmlBuilder()
        .Company("कृष्णा ट्रेडर्स - (from 1-Apr-24)")
        .Message(Voucher("Receipt", "R-1", "20240405", "Cash", lines: [LedgerEntry("Cash", -600m, deemedPositive: true)]))
        .Footer("कृष्णा ट्रेडर्स", "Karnataka");

    [Theory]
    [InlineData(TallyFileEncoding.Utf16LeBom, TallyFileEncoding.Utf8)]
    [InlineData(TallyFileEncoding.Utf8Bom, TallyFileEncoding.Utf16BeBom)]
    public void Masters_come_first_then_vouchers_under_the_masters_company(TallyFileEncoding masters, TallyFileEncoding dayBook)
    {
        var path = Write(Masters.Bytes(masters), DayBook.Bytes(dayBook));

        using var reader = TallyXmlReader.Open(path);
        var objects = new List<TallyObject>();
        while (reader.MoveNext())
        {
            objects.Add(reader.Current);
        }
        Assert.Equal(("utf-8", "कृष्णा ट्रेडर्स"), (reader.Encoding, reader.Company));
        Assert.Equal(
            ["TallyGroup", "TallyLedger", "TallyVoucherType", "TallyVoucher", "TallyCompanyInfo"],
            objects.Select(o => o.GetType().Name));
        Assert.Equal(-600m, Assert.Single(objects.OfType<TallyVoucher>()).LedgerEntries.Single().Amount);
    }

    [Fact]
    public void A_day_book_without_vouchers_still_makes_a_file_of_the_masters()
    {
        var path = Write(Masters.Bytes(TallyFileEncoding.Utf16LeBom), new TallyXmlBuilder().Bytes(TallyFileEncoding.Utf16LeBom));

        Assert.Equal(3, TallyBooks.ReadAll(path).Count);
    }

    [Theory]
    [InlineData("<html><body>TallyPrime Server is Running</body></html>")]
    [InlineData("TallyPrime Server is Running")]
    [InlineData("")]
    [InlineData("<ENVELOPE><LINEERROR>Could not set 'SVCurrentCompany' to 'Initech'</LINEERROR></ENVELOPE>")]
    [InlineData("<ENVELOPE><HEADER><VERSION>1</VERSION><STATUS>0</STATUS></HEADER></ENVELOPE>")]
    public void A_day_book_that_is_not_a_Tally_export_is_INT008(string answer)
    {
        var error = Assert.Throws<FerryException>(() =>
            Write(Masters.Bytes(TallyFileEncoding.Utf8), Encoding.UTF8.GetBytes(answer)));

        Assert.Equal(ErrorCodes.IntegrationInvalidResponse, error.ErrorCode);
        Assert.Contains("Day Book export", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Masters_with_a_DTD_are_INT008()
    {
        var hostile = new TallyXmlBuilder()
            .Prolog("<!DOCTYPE ENVELOPE [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\r\n")
            .Company("&lol2;")
            .Bytes(TallyFileEncoding.Utf16LeBom);

        var error = Assert.Throws<FerryException>(() => Write(hostile, DayBook.Bytes(TallyFileEncoding.Utf8)));

        Assert.Equal(ErrorCodes.IntegrationInvalidResponse, error.ErrorCode);
        Assert.Contains("All Masters export", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_book_cut_off_in_the_middle_is_INT008_and_leaves_no_readable_file()
    {
        var whole = DayBook.Bytes(TallyFileEncoding.Utf8);
        var path = Path.Combine(_folder.Path, "tally-sync.xml");

        var error = Assert.Throws<FerryException>(() => Write(Masters.Bytes(TallyFileEncoding.Utf8), whole[..(whole.Length * 2 / 3)], path));

        Assert.Equal(ErrorCodes.IntegrationInvalidResponse, error.ErrorCode);
        Assert.Throws<Ferry.Core.Sources.SourceFormatException>(() => TallyBooks.ReadAll(path));
    }

    string Write(byte[] masters, byte[] dayBook, string? path = null)
    {
        path ??= Path.Combine(_folder.Path, "tally-sync.xml");
        using var output = File.Create(path);
        TallySyncFile.Write(new MemoryStream(masters), new MemoryStream(dayBook), output, Ct);
        return path;
    }
}
