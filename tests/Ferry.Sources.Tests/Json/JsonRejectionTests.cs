using System.Diagnostics;
using Ferry.Core;
using Ferry.Core.Sources;
using Ferry.Sources.Json;
using Ferry.Sources.Tables;

namespace Ferry.Sources.Tests.Json;

public sealed class JsonRejectionTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Describes the file and reads every table, which must fail with a format error.</summary>
    SourceFormatException Fails(byte[] bytes)
    {
        var path = _folder.File(bytes, "upload.json");
        var error = Assert.Throws<SourceFormatException>(() =>
        {
            var layout = JsonTableFile.Describe(path);
            foreach (var table in layout.Tables)
            {
                JsonRows.Of(path, layout, table.Name);
            }
        });
        Assert.Equal(ErrorCodes.InvalidFileFormat, error.ErrorCode);
        return error;
    }

    static void Mentions(string expected, SourceFormatException error) => Assert.Contains(expected, error.Message, StringComparison.Ordinal);

    [Fact]
    public void An_empty_file_is_refused() => Mentions("empty", Fails([]));

    [Fact]
    public void A_file_of_blank_space_and_comments_is_refused() => Mentions("no JSON", Fails(Bytes.Ascii("\n  // nothing yet\n\n")));

    [Fact]
    public void A_top_level_scalar_is_refused_saying_what_it_is()
    {
        Mentions("a number", Fails(Bytes.Ascii("42")));
        Mentions("a string", Fails(Bytes.Ascii("\"success\"")));
    }

    [Fact]
    public void A_top_level_array_of_scalars_is_refused() => Mentions("Record 1 of the top-level array (line 1) is a number", Fails(Bytes.Ascii("[1, 2, 3]")));

    [Fact]
    public void An_object_with_no_array_of_objects_is_refused_listing_its_keys()
    {
        var error = Fails(Bytes.Ascii("""{"code": 0, "message": "success", "tags": ["a"], "page_context": {"page": 1}}"""));

        Mentions("code, message, tags, page_context", error);
    }

    [Fact]
    public void An_array_of_records_with_a_scalar_among_them_is_refused()
    {
        var error = Fails(Bytes.Ascii("{\"contacts\": [\n{\"id\": 1},\n{\"id\": 2},\n\"oops\"\n]}"));

        Mentions("Element 3 of \"contacts\" (line 4) is a string", error);
    }

    [Fact]
    public void A_JSON_Lines_line_that_is_not_an_object_is_refused() =>
        Mentions("Line 3 holds an array", Fails(Bytes.Ascii("{\"id\": 1}\n{\"id\": 2}\n[3]\n")));

    [Fact]
    public void Invalid_JSON_is_refused_with_its_line_and_position()
    {
        var error = Fails(Bytes.Ascii("[\n  {\"id\": 1},\n  {\"id\": 2,, \"name\": \"Beta\"}\n]"));

        Mentions("not valid JSON at line 3, byte 12", error);
    }

    [Fact]
    public void A_value_after_the_top_level_array_is_refused() => Mentions("line 2", Fails(Bytes.Ascii("[{\"id\": 1}]\n[{\"id\": 2}]")));

    [Fact]
    public void A_truncated_file_is_refused_as_cut_off()
    {
        var error = Fails(Bytes.Ascii("{\"contacts\": [\n{\"id\": 1, \"name\": \"Acme\"},\n{\"id\": 2, \"name\": \"Be"));

        Mentions("ends before its JSON is complete (line 3)", error);
    }

    [Fact]
    public void A_file_cut_off_between_records_is_refused_as_cut_off() =>
        Mentions("ends before", Fails(Bytes.Ascii("[{\"id\": 1}, {\"id\": 2},")));

    [Fact]
    public void Nesting_ten_thousand_levels_deep_fails_fast_at_the_depth_limit()
    {
        var bytes = Bytes.Ascii(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000));
        var clock = Stopwatch.StartNew();

        var error = Fails(bytes);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Mentions("depth of 64", error);
    }

    [Fact]
    public void Nesting_too_deep_inside_a_record_is_refused() =>
        Mentions("depth of 64", Fails(Bytes.Ascii("[{\"id\": 1, \"x\": " + new string('[', 10_000) + new string(']', 10_000) + "}]")));

    [Fact]
    public void A_record_holding_a_20_MB_string_is_refused_as_over_the_16_MB_limit()
    {
        var bytes = Bytes.Concat(
            Bytes.Ascii("[\n{\"id\": 1, \"name\": \"Acme\"},\n{\"id\": 2, \"attachment\": \""),
            Enumerable.Repeat((byte)'A', 20 * 1024 * 1024).ToArray(),
            Bytes.Ascii("\"}\n]"));

        var error = Fails(bytes);

        Mentions("Record 2 of records, starting on line 3, is larger than 16 MB", error);
    }

    [Fact]
    public void A_20_MB_value_outside_the_records_is_refused_too()
    {
        var bytes = Bytes.Concat(
            Bytes.Ascii("{\"contacts\": [{\"id\": 1}],\n\"message\": \""),
            Enumerable.Repeat((byte)'A', 20 * 1024 * 1024).ToArray(),
            Bytes.Ascii("\"}"));

        Mentions("A single value on line 2 is larger than 16 MB", Fails(bytes));
    }

    [Fact]
    public void Keys_that_hold_data_rather_than_field_names_are_refused_past_a_thousand_columns()
    {
        var keys = string.Join(", ", Enumerable.Range(1, 1_001).Select(i => $"\"2025-01-{i}\": {i}"));
        var path = _folder.File(Bytes.Ascii("[{" + keys + "}]"), "upload.json");

        var error = Assert.Throws<TableTooWideException>(() => JsonTableFile.Describe(path));

        Assert.Equal(ErrorCodes.InvalidFileFormat, error.ErrorCode);
        Assert.Contains("The table 'records' (by its record 1) has more than 1,000 different fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_NUL_bytes_is_refused_as_binary() =>
        Mentions("binary data (a NUL byte at offset 2)", Fails([(byte)'[', (byte)'{', 0, 0, 0x13, 0x37]));

    [Fact]
    public void A_NUL_byte_after_the_first_bytes_is_refused_with_its_line()
    {
        var records = string.Concat(Enumerable.Range(1, 500).Select(i => $"{{\"id\": {i}, \"name\": \"Customer {i}\"}},\n"));

        var error = Fails(Bytes.Concat(Bytes.Ascii("[\n" + records), [0], Bytes.Ascii("]")));

        Mentions("line 502", error);
    }

    [Fact]
    public void Binary_junk_is_refused() => Mentions("not valid JSON at line 1", Fails([0x8F, 0xA3, 0x01, 0xFE, 0x22]));

    [Fact]
    public void A_zip_archive_is_refused_by_name() => Mentions("ZIP archive", Fails([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]));
}
