using Ferry.Sources.Tally;
using Ferry.Tests.Fixtures;

namespace Ferry.Sources.Tests.Tally;

public sealed class TallyEncodingTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(TallyFileEncoding.Utf16LeBom, "utf-16le")]
    [InlineData(TallyFileEncoding.Utf16BeBom, "utf-16be")]
    [InlineData(TallyFileEncoding.Utf8Bom, "utf-8-bom")]
    [InlineData(TallyFileEncoding.Utf8, "utf-8")]
    public void Every_encoding_Tally_writes_reads_to_the_same_objects(TallyFileEncoding encoding, string name)
    {
        var builder = new TallyXmlBuilder()
            .Company("कृष्णा ट्रेडर्स - (from 1-Apr-24)")
            .Message(TallyXmlBuilder.Group("Sundry Debtors", "Current Assets", revenue: false, deemedPositive: true, reserved: "Sundry Debtors"));
        var path = builder.Save(_folder.Path, encoding);

        using var reader = TallyXmlReader.Open(path);
        Assert.True(reader.MoveNext());

        Assert.Equal(name, reader.Encoding);
        Assert.Equal("कृष्णा ट्रेडर्स", reader.Company);
        var group = Assert.IsType<TallyGroup>(reader.Current);
        Assert.Equal(("Sundry Debtors", "Current Assets"), (group.Name, group.Parent));
        Assert.False(reader.MoveNext());
    }

    [Fact]
    public void The_company_comes_from_the_footer_when_the_header_has_none()
    {
        var path = _folder.File(TallyXmlBuilder.Encode("""
            <ENVELOPE><HEADER><TALLYREQUEST>Import Data</TALLYREQUEST></HEADER><BODY><IMPORTDATA><REQUESTDATA>
            <TALLYMESSAGE><COMPANY><REMOTECMPINFO.LIST MERGE="Yes"><REMOTECMPNAME>Globex Foods</REMOTECMPNAME></REMOTECMPINFO.LIST></COMPANY></TALLYMESSAGE>
            </REQUESTDATA></IMPORTDATA></BODY></ENVELOPE>
            """, TallyFileEncoding.Utf8), "tally.xml");

        Assert.Equal("Globex Foods", TallyInspector.Inspect(path).Company);
    }
}
