using Ferry.Core;
using Ferry.Core.Sources;
using Ferry.Sources.Tally;
using Ferry.Tests.Fixtures;

namespace Ferry.Sources.Tests.Tally;

public sealed class TallyRejectionTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    static SourceFormatException Refused(string path)
    {
        var error = Assert.Throws<SourceFormatException>(() => TallyInspector.Inspect(path));
        Assert.Equal(ErrorCodes.InvalidFileFormat, error.ErrorCode);
        return error;
    }

    [Fact]
    public void A_billion_laughs_DOCTYPE_is_refused()
    {
        var path = new TallyXmlBuilder()
            .Prolog("""
                <!DOCTYPE ENVELOPE [
                 <!ENTITY lol "lol">
                 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                ]>

                """)
            .Company("&lol3;")
            .Save(_folder.Path);

        Assert.Contains("DTD", Refused(path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_external_entity_is_refused()
    {
        var secret = Path.Combine(_folder.Path, "secret.txt");
        File.WriteAllText(secret, "top secret");
        var path = new TallyXmlBuilder()
            .Prolog($"<!DOCTYPE ENVELOPE [<!ENTITY xxe SYSTEM \"file://{secret}\">]>\r\n")
            .Company("&xxe;")
            .Save(_folder.Path, TallyFileEncoding.Utf8);

        Assert.DoesNotContain("top secret", Refused(path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_DOCTYPE_hidden_behind_a_control_reference_is_refused()
    {
        var path = new TallyXmlBuilder()
            .Prolog("<!DOCT&#4;YPE ENVELOPE [<!ENTITY x \"boom\">]>\r\n")
            .Company("&x;")
            .Save(_folder.Path);

        Refused(path);
    }

    [Fact]
    public void A_truncated_file_is_refused_with_its_line_and_position()
    {
        var xml = TallyBooks.Builder().Xml();
        var path = _folder.File(TallyXmlBuilder.Encode(xml[..(xml.Length / 2)], TallyFileEncoding.Utf16LeBom), "tally.xml");

        Assert.Matches(@"line \d+, position \d+", Refused(path).Message);
    }

    [Fact]
    public void Malformed_XML_is_refused_with_its_line()
    {
        var path = new TallyXmlBuilder()
            .Message("<LEDGER NAME=\"Cash\"><PARENT>Cash-in-Hand</LEDGER>")
            .Save(_folder.Path);

        Assert.Contains("line 15", Refused(path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XML_that_is_not_a_Tally_export_is_refused()
    {
        var path = _folder.File(Bytes.Ascii("<?xml version=\"1.0\"?><invoices><invoice id=\"1\"/></invoices>"), "tally.xml");

        Assert.Contains("<invoices>", Refused(path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_envelope_without_Tally_content_is_refused()
    {
        var path = _folder.File(Bytes.Ascii("<ENVELOPE><HEADER/><BODY/></ENVELOPE>"), "tally.xml");

        Refused(path);
    }

    [Fact]
    public void An_amount_that_is_not_a_number_is_refused_naming_the_object()
    {
        var path = new TallyXmlBuilder()
            .Message("<LEDGER NAME=\"Cash\"><OPENINGBALANCE>lots</OPENINGBALANCE></LEDGER>")
            .Save(_folder.Path);

        Assert.Contains("LEDGER \"Cash\"", Refused(path).Message, StringComparison.Ordinal);
    }
}
