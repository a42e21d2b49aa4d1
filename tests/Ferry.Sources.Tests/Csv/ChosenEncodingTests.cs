using System.Text;
using Ferry.Core;
using Ferry.Core.Sources;
using Ferry.Testing;

namespace Ferry.Sources.Tests.Csv;

/// <summary>A user who knows better names the encoding; Ferry reads the text in it, or says the name means nothing.</summary>
public sealed class ChosenEncodingTests : IDisposable
{
    const string Czech = "Name,City\nPříliš žluťoučký kůň,Brno\nŠkoda Dílny,Plzeň\n";

    readonly TempFolder _folder = new();
    readonly SourceOpener _opener = new();

    static ChosenEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Central_European_text_is_read_right_once_its_code_page_is_named()
    {
        var path = _folder.File(Encoding.GetEncoding(1250).GetBytes(Czech), "cz.csv");

        var detected = _opener.Inspect(path);
        var chosen = _opener.Inspect(path, new InspectOptions(Encoding: "windows-1250"));

        Assert.Equal("windows-1252", detected.Encoding);
        Assert.NotEqual("Příliš žluťoučký kůň", detected.Tables[0].Preview[0]["Name"]);
        Assert.Equal("windows-1250", chosen.Encoding);
        Assert.Equal("Příliš žluťoučký kůň", chosen.Tables[0].Preview[0]["Name"]);
        using var reader = _opener.Open(path, new TableChoice(Encoding: "windows-1250"));
        reader.Read();
        reader.Read();
        Assert.Equal(("Škoda Dílny", "Plzeň"), (reader.GetValue(0), reader.GetValue(1)));
    }

    [Fact]
    public void A_chosen_UTF8_skips_the_byte_order_mark()
    {
        var path = _folder.File([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Name,City\nAcme,Pune\n")], "bom.csv");

        var inspection = _opener.Inspect(path, new InspectOptions(Encoding: "utf-8"));

        Assert.Equal(["Name", "City"], inspection.Tables[0].Columns);
    }

    [Fact]
    public void An_encoding_name_Ferry_does_not_know_is_MIG001_with_examples()
    {
        var path = _folder.File(Encoding.ASCII.GetBytes("Name\nAcme\n"), "plain.csv");

        var error = Assert.Throws<SourceFormatException>(() => _opener.Inspect(path, new InspectOptions(Encoding: "klingon-1")));

        Assert.Equal(ErrorCodes.InvalidFileFormat, error.ErrorCode);
        Assert.Contains("windows-1250", error.Message, StringComparison.Ordinal);
    }
}
