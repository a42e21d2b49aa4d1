using Ferry.Core;
using Ferry.Core.Sources;
using Ferry.Sources.Json;

namespace Ferry.Sources.Tests.Json;

public sealed class JsonEncodingTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    (JsonLayout Layout, List<string?[]> Rows) Read(byte[] bytes)
    {
        var path = _folder.File(bytes, "upload.json");
        var layout = JsonTableFile.Describe(path);
        return (layout, JsonRows.Of(path, layout, layout.Tables[0].Name));
    }

    [Fact]
    public void Plain_UTF8_is_reported_as_utf_8()
    {
        var (layout, rows) = Read(Bytes.Concat(Bytes.Ascii("[{\"name\": \"Caf"), [0xC3, 0xA9], Bytes.Ascii("\"}]")));

        Assert.Equal("utf-8", layout.Encoding);
        Assert.Equal([["Café"]], rows);
    }

    [Fact]
    public void A_UTF8_byte_order_mark_is_skipped_and_reported()
    {
        var (layout, rows) = Read(Bytes.Concat(Bytes.Utf8Bom, Bytes.Ascii("[{\"amount\": \""), [0xE2, 0x82, 0xB9], Bytes.Ascii("500\"}]")));

        Assert.Equal("utf-8-bom", layout.Encoding);
        Assert.Equal(["amount"], layout.Tables[0].Columns);
        Assert.Equal([["₹500"]], rows);
    }

    [Fact]
    public void UTF16_little_endian_with_a_byte_order_mark_is_read()
    {
        var (layout, rows) = Read(Bytes.Concat(Bytes.Utf16LeBom, Bytes.Utf16Le("{\"contacts\": [{\"name\": \"कृष्णा ट्रेडर्स\", \"balance\": 1234.50}]}\r\n")));

        Assert.Equal("utf-16le", layout.Encoding);
        Assert.Equal("contacts", layout.Tables[0].Name);
        Assert.Equal([["कृष्णा ट्रेडर्स", "1234.50"]], rows);
    }

    [Fact]
    public void UTF16_big_endian_with_a_byte_order_mark_is_read()
    {
        var (layout, rows) = Read(Bytes.Concat(Bytes.Utf16BeBom, Bytes.Utf16Be("{\"id\": 1, \"name\": \"Café\"}\n{\"id\": 2, \"name\": \"₹ Traders\"}\n")));

        Assert.Equal("utf-16be", layout.Encoding);
        Assert.Equal("jsonl", layout.Format);
        Assert.Equal([["1", "Café"], ["2", "₹ Traders"]], rows);
    }

    [Fact]
    public void Invalid_UTF8_inside_a_string_is_a_format_error_naming_the_record()
    {
        var bytes = Bytes.Concat(Bytes.Ascii("[\n{\"name\": \"Acme\"},\n{\"name\": \"Caf"), [0xC3, 0x28], Bytes.Ascii("\"}\n]"));

        var error = Assert.Throws<SourceFormatException>(() => Read(bytes));

        Assert.Equal(ErrorCodes.InvalidFileFormat, error.ErrorCode);
        Assert.Contains("Record 2 of records", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_UTF16_file_cut_off_in_the_middle_of_a_character_is_a_format_error()
    {
        var bytes = Bytes.Concat(Bytes.Utf16LeBom, Bytes.Utf16Le("[{\"name\": \"Acme\"}]"), [(byte)' ']);

        Assert.Equal(ErrorCodes.InvalidFileFormat, Assert.Throws<SourceFormatException>(() => Read(bytes)).ErrorCode);
    }

    [Fact]
    public void A_lone_surrogate_escape_in_a_string_is_a_format_error()
    {
        var bytes = Bytes.Ascii("[{\"name\": \"Acme \\ud800 Traders\"}]");

        var error = Assert.Throws<SourceFormatException>(() => Read(bytes));

        Assert.Contains("A value in record 1 of records", error.Message, StringComparison.Ordinal);
    }
}
