using Ferry.Sources.Tally;
using Ferry.Tests.Fixtures;
using static Ferry.Tests.Fixtures.TallyXmlBuilder;

namespace Ferry.Sources.Tests.Tally;

public sealed class TallyCharacterTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Sentinel_references_read_as_empty_values()
    {
        var path = new TallyXmlBuilder()
            .Message(StockItem("Choco Bar 50g", null, "Nos", "18063100", 18m, 1m, 25m))
            .Save(_folder.Path);

        var item = Assert.IsType<TallyStockItem>(Assert.Single(TallyBooks.ReadAll(path)));

        Assert.Null(item.Category);
        Assert.Null(item.Parent);
        Assert.Equal("Nos", item.BaseUnit);
    }

    [Theory]
    [InlineData(TallyFileEncoding.Utf16LeBom)]
    [InlineData(TallyFileEncoding.Utf8)]
    public void Literal_control_characters_are_dropped_before_parsing(TallyFileEncoding encoding)
    {
        var path = new TallyXmlBuilder()
            .Message(Ledger("Cash\u0004", "Cash-in-Hand"), "<GSTIN NAME=\"29AAAAA0000A1Z5\"><STATKEY>2024\u00051036\u0005Inward</STATKEY></GSTIN>")
            .Save(_folder.Path, encoding);

        var objects = TallyBooks.ReadAll(path);

        Assert.Equal("Cash", Assert.IsType<TallyLedger>(objects[0]).Name);
        Assert.Equal(new TallyUnknownObject("GSTIN"), objects[1]);
    }

    [Fact]
    public void References_to_any_character_XML_forbids_are_dropped_and_legal_ones_kept()
    {
        var path = new TallyXmlBuilder()
            .Message("<LEDGER NAME=\"A&#1;B&#x1F;C&#65;&#x44;&#0;&#xFFFE;&#x1F600;\"><PARENT>Cash-in-Hand</PARENT></LEDGER>")
            .Save(_folder.Path, TallyFileEncoding.Utf8);

        Assert.Equal("ABCAD😀", Assert.IsType<TallyLedger>(Assert.Single(TallyBooks.ReadAll(path))).Name);
    }

    [Fact]
    public void References_split_across_read_buffers_are_still_dropped()
    {
        var narration = string.Concat(Enumerable.Repeat("a&#4;", 20_000));
        var path = new TallyXmlBuilder()
            .Message($"""
                <VOUCHER VCHTYPE="Journal">
                 <NARRATION>{narration}</NARRATION>
                 <ALLLEDGERENTRIES.LIST><LEDGERNAME>Cash</LEDGERNAME><AMOUNT>-1.00</AMOUNT></ALLLEDGERENTRIES.LIST>
                </VOUCHER>
                """)
            .Save(_folder.Path);

        var voucher = Assert.IsType<TallyVoucher>(Assert.Single(TallyBooks.ReadAll(path)));

        Assert.Equal(new string('a', 20_000), voucher.Narration);
        Assert.Equal(-1m, Assert.Single(voucher.LedgerEntries).Amount);
    }
}
