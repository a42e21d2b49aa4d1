using Ferry.Core;
using Ferry.Core.Sources;
using Ferry.Sources.Csv;
using Ferry.Sources.Tables;
using Ferry.Testing;

namespace Ferry.Sources.Tests.Csv;

[UseCulture("de-DE")]
public sealed class CsvTableTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    GridRecordReader Open(byte[] bytes) => CsvTable.Open(_folder.File(bytes));

    static CsvRowSource Text(GridRecordReader reader) => (CsvRowSource)reader.Source;

    static List<IReadOnlyList<string?>> ReadAll(GridRecordReader reader)
    {
        var rows = new List<IReadOnlyList<string?>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.Columns.Count).Select(reader.GetValue).ToArray());
        }
        return rows;
    }

    SourceFormatException ReadFails(byte[] bytes)
    {
        var error = Assert.Throws<SourceFormatException>(() =>
        {
            using var reader = Open(bytes);
            ReadAll(reader);
        });
        Assert.Equal(ErrorCodes.InvalidFileFormat, error.ErrorCode);
        return error;
    }

    [Fact]
    public void A_plain_UTF8_file_gives_its_header_and_rows()
    {
        using var reader = Open(Bytes.Ascii("Customer Name,City,Opening Balance\nAcme Traders,Pune,\"1,18,000 Cr\"\nBeta Stores,Mumbai,500\n"));

        Assert.Equal(["Customer Name", "City", "Opening Balance"], reader.Columns);
        Assert.Equal("utf-8", Text(reader).EncodingName);
        Assert.Equal(',', Text(reader).Delimiter);
        var rows = ReadAll(reader);
        Assert.Equal(["Acme Traders", "Pune", "1,18,000 Cr"], rows[0]);
        Assert.Equal(["Beta Stores", "Mumbai", "500"], rows[1]);
    }

    [Fact]
    public void Row_numbers_count_data_rows_and_locations_count_the_header_as_row_one()
    {
        using var reader = Open(Bytes.Ascii("Name\nAcme\nBeta\n"));

        Assert.True(reader.Read());
        Assert.Equal(1, reader.RowNumber);
        Assert.Equal("row 2", reader.Location);
        Assert.True(reader.Read());
        Assert.Equal(2, reader.RowNumber);
        Assert.Equal("row 3", reader.Location);
        Assert.False(reader.Read());
    }

    [Fact]
    public void A_UTF8_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        using var reader = Open(Bytes.Concat(Bytes.Utf8Bom, Bytes.Ascii("Name,City\n"), [(byte)'C', (byte)'a', (byte)'f', 0xC3, 0xA9, (byte)',', (byte)'P', (byte)'u', (byte)'n', (byte)'e', (byte)'\n']));

        Assert.Equal("utf-8-bom", Text(reader).EncodingName);
        Assert.Equal("Name", reader.Columns[0]);
        Assert.Equal("Café", Assert.Single(ReadAll(reader))[0]);
    }

    [Fact]
    public void A_UTF16_little_endian_file_with_a_byte_order_mark_is_read()
    {
        using var reader = Open(Bytes.Concat(Bytes.Utf16LeBom, Bytes.Utf16Le("Name,Amount\r\nकृष्णा ट्रेडर्स,₹500\r\n")));

        Assert.Equal("utf-16le", Text(reader).EncodingName);
        Assert.Equal(["Name", "Amount"], reader.Columns);
        Assert.Equal(["कृष्णा ट्रेडर्स", "₹500"], Assert.Single(ReadAll(reader)));
    }

    [Fact]
    public void A_UTF16_big_endian_file_with_a_byte_order_mark_is_read()
    {
        using var reader = Open(Bytes.Concat(Bytes.Utf16BeBom, Bytes.Utf16Be("Name;Amount\nCafé;₹500\n")));

        Assert.Equal("utf-16be", Text(reader).EncodingName);
        Assert.Equal(';', Text(reader).Delimiter);
        Assert.Equal(["Café", "₹500"], Assert.Single(ReadAll(reader)));
    }

    [Fact]
    public void A_UTF16_file_without_a_byte_order_mark_is_recognised_by_its_NUL_bytes()
    {
        using var reader = Open(Bytes.Utf16Le("Name,City\nAcme,Pune\n"));

        Assert.Equal("utf-16le", Text(reader).EncodingName);
        Assert.Equal(["Acme", "Pune"], Assert.Single(ReadAll(reader)));
    }

    [Fact]
    public void A_UTF16_file_without_a_byte_order_mark_is_recognised_even_when_most_names_are_in_Devanagari()
    {
        using var reader = Open(Bytes.Utf16Le("Name,City\nकृष्णा ट्रेडर्स,पुणे\nगणेश स्टोर्स,नागपूर\n"));

        Assert.Equal("utf-16le", Text(reader).EncodingName);
        Assert.Equal([["कृष्णा ट्रेडर्स", "पुणे"], ["गणेश स्टोर्स", "नागपूर"]], ReadAll(reader));
    }

    [Fact]
    public void A_UTF16_file_cut_off_in_the_middle_of_a_character_is_a_format_error() =>
        ReadFails(Bytes.Concat(Bytes.Utf16LeBom, Bytes.Utf16Le("Name,City\r\nAcme,Pune\r\nBeta,Mum"), [(byte)'b']));

    [Fact]
    public void A_Windows_1252_file_keeps_its_accented_letters()
    {
        using var reader = Open(Bytes.Concat(Bytes.Ascii("Name,Price\n"), [(byte)'C', (byte)'a', (byte)'f', 0xE9, (byte)',', 0x80, (byte)'5', (byte)'\n']));

        Assert.Equal("windows-1252", Text(reader).EncodingName);
        Assert.Equal(["Café", "€5"], Assert.Single(ReadAll(reader)));
    }

    [Fact]
    public void A_UTF8_character_split_by_the_sniffing_window_does_not_make_the_file_look_like_Windows_1252()
    {
        var head = Bytes.AsciiRows(TextFileSniffer.SampleBytes - 100);
        var padding = Bytes.Ascii(new string('x', TextFileSniffer.SampleBytes - 1 - "Name,Email\n".Length - head.Length - 1) + ",");
        var file = Bytes.Concat(Bytes.Ascii("Name,Email\n"), head, padding, [0xC3, 0xA9], Bytes.Ascii("\nLast,last@example.in\n"));
        Assert.Equal(0xC3, file[TextFileSniffer.SampleBytes - 1]);

        using var reader = Open(file);

        Assert.Equal("utf-8", Text(reader).EncodingName);
        Assert.Contains(ReadAll(reader), row => row[1] == "é");
    }

    [Fact]
    public void Invalid_UTF8_after_70_KB_of_valid_UTF8_rows_is_a_format_error_not_mojibake()
    {
        var error = ReadFails(Bytes.Concat(Bytes.Ascii("Name,Email\n"), Bytes.Ascii("Caf"), [0xC3, 0xA9], Bytes.Ascii(",cafe@example.in\n"), Bytes.AsciiRows(70 * 1024),
            [(byte)'B', 0xC3, 0x28, (byte)',', (byte)'x', (byte)'\n']));

        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Windows_1252_export_whose_accents_start_after_70_KB_of_plain_rows_is_read_as_Windows_1252()
    {
        using var reader = Open(Bytes.Concat(Bytes.Ascii("Name,Email\n"), Bytes.AsciiRows(70 * 1024), [(byte)'C', (byte)'a', (byte)'f', 0xE9, (byte)',', (byte)'x', (byte)'\n']));

        Assert.Equal("windows-1252", Text(reader).EncodingName);
        Assert.Contains(ReadAll(reader), row => row[0] == "Café");
    }

    [Fact]
    public void An_empty_file_is_a_format_error()
    {
        var error = Assert.Throws<SourceFormatException>(() => Open([]));

        Assert.Equal(ErrorCodes.InvalidFileFormat, error.ErrorCode);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_holding_only_a_byte_order_mark_is_empty() =>
        Assert.Contains("empty", Assert.Throws<SourceFormatException>(() => Open(Bytes.Utf8Bom)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_first_row_of_blank_names_is_skipped_like_a_blank_line()
    {
        using var reader = Open(Bytes.Ascii(" , ,\nName,City\nAcme,Pune\n"));

        Assert.Equal(["Name", "City"], reader.Columns);
        Assert.Equal(2, reader.Layout.HeaderRow);
    }

    [Fact]
    public void A_header_only_file_opens_with_columns_and_no_rows()
    {
        using var reader = Open(Bytes.Ascii("Name,City\n"));

        Assert.Equal(["Name", "City"], reader.Columns);
        Assert.False(reader.Read());
    }

    [Fact]
    public void Random_binary_bytes_with_NULs_are_refused_as_binary()
    {
        var junk = new byte[4096];
        new Random(20240331).NextBytes(junk);
        junk[0] = (byte)'J';
        for (var i = 5; i < junk.Length; i += 7)
        {
            junk[i] = 0;
        }

        var error = Assert.Throws<SourceFormatException>(() => Open(junk));

        Assert.Contains("binary data", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D }, "PNG image")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00 }, "Excel workbook (.xlsx)")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "PDF document")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00 }, "Linux program")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "legacy Office document")]
    public void A_file_with_a_known_binary_signature_is_named_for_what_it_is(byte[] bytes, string kind)
    {
        var error = Assert.Throws<SourceFormatException>(() => Open(bytes));

        Assert.Equal(ErrorCodes.InvalidFileFormat, error.ErrorCode);
        Assert.Contains(kind, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Name;City;Amount\nAcme;Pune;1.234,50\n", ';')]
    [InlineData("Name\tCity\tAmount\nAcme\tPune\t1.234,50\n", '\t')]
    [InlineData("Name|City|Amount\nAcme|Pune|1.234,50\n", '|')]
    public void The_delimiter_is_sniffed_from_the_header(string text, char delimiter)
    {
        using var reader = Open(Bytes.Ascii(text));

        Assert.Equal(delimiter, Text(reader).Delimiter);
        Assert.Equal(["Acme", "Pune", "1.234,50"], Assert.Single(ReadAll(reader)));
    }

    [Fact]
    public void Commas_inside_a_quoted_header_name_do_not_decide_the_delimiter()
    {
        using var reader = Open(Bytes.Ascii("\"Name, as per GST\";\"City, State\";PIN\n\"Acme, Pune\";Pune;411001\n"));

        Assert.Equal(';', Text(reader).Delimiter);
        Assert.Equal(["Name, as per GST", "City, State", "PIN"], reader.Columns);
        Assert.Equal(["Acme, Pune", "Pune", "411001"], Assert.Single(ReadAll(reader)));
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Rows_end_at_CR_LF_or_CRLF(string newline)
    {
        using var reader = Open(Bytes.Ascii($"Name,City{newline}Acme,Pune{newline}Beta,Mumbai{newline}"));

        Assert.Equal([["Acme", "Pune"], ["Beta", "Mumbai"]], ReadAll(reader));
    }

    [Fact]
    public void Quoted_fields_keep_embedded_newlines_commas_and_doubled_quotes()
    {
        using var reader = Open(Bytes.Ascii("Name,Address,Notes\r\n\"Acme \"\"Best\"\" Traders\",\"12, MG Road\r\nPune\",ok\r\nBeta,Mumbai,\r\n"));

        var rows = ReadAll(reader);

        Assert.Equal(["Acme \"Best\" Traders", "12, MG Road\r\nPune", "ok"], rows[0]);
        Assert.Equal(["Beta", "Mumbai", null], rows[1]);
        Assert.Equal("row 3", reader.Location);
    }

    [Fact]
    public void Blank_and_duplicate_header_names_are_made_unique()
    {
        using var reader = Open(Bytes.Ascii("Name,,Name,Email,email,\nA,B,C,D,E\n"));

        Assert.Equal(["Name", "Column 2", "Name (2)", "Email", "email (2)"], reader.Columns);
    }

    [Fact]
    public void Blank_lines_are_skipped()
    {
        using var reader = Open(Bytes.Ascii("Name,City\n\nAcme,Pune\n,\n  \nBeta,Mumbai\n"));

        Assert.Equal([["Acme", "Pune"], ["Beta", "Mumbai"]], ReadAll(reader));
    }

    [Fact]
    public void After_a_blank_line_the_location_still_names_the_row_a_spreadsheet_shows()
    {
        using var reader = Open(Bytes.Ascii("Name,City\n\nAcme,Pune\n"));

        Assert.True(reader.Read());
        Assert.Equal(1, reader.RowNumber);
        Assert.Equal("row 3", reader.Location);
    }

    [Fact]
    public void A_row_starting_with_a_hash_is_data_not_a_comment()
    {
        using var reader = Open(Bytes.Ascii("Name,City\n#1 Traders,Pune\n"));

        Assert.Equal(["#1 Traders", "Pune"], Assert.Single(ReadAll(reader)));
    }

    [Fact]
    public void A_short_row_gives_null_for_the_missing_cells_and_empty_cells_are_null()
    {
        using var reader = Open(Bytes.Ascii("Name,City,PIN\nAcme\nBeta,,411001\n"));

        Assert.Equal([["Acme", null, null], ["Beta", null, "411001"]], ReadAll(reader));
    }

    [Fact]
    public void Extra_empty_fields_at_the_end_of_a_row_are_allowed()
    {
        using var reader = Open(Bytes.Ascii("Name,City\nAcme,Pune,,, \n"));

        Assert.Equal(["Acme", "Pune"], Assert.Single(ReadAll(reader)));
    }

    [Fact]
    public void A_row_with_an_extra_value_is_an_error_that_names_the_row()
    {
        using var reader = Open(Bytes.Ascii("Name,City\nAcme,Pune\nBeta Traders, Mumbai,Maharashtra\n"));
        Assert.True(reader.Read());

        var error = Assert.Throws<SourceFormatException>(() => reader.Read());

        Assert.Equal(ErrorCodes.InvalidFileFormat, error.ErrorCode);
        Assert.Contains("Row 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_of_five_million_characters_is_refused()
    {
        var error = ReadFails(Bytes.Concat(Bytes.Ascii("Name,Notes\nAcme,"), Bytes.Ascii(new string('x', 5_000_000)), Bytes.Ascii("\n")));

        Assert.Contains("Row 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("4 million", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_left_open_at_the_end_of_the_file_is_a_format_error()
    {
        var error = ReadFails(Bytes.Ascii("Name,Notes\nAcme,fine\nBeta,\"opened here\nand never closed\n"));

        Assert.Contains("row 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("closing quote", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_left_open_early_in_a_large_file_is_refused_instead_of_swallowing_the_rest()
    {
        var file = Bytes.Concat(Bytes.Ascii("Name,Email\nAcme,\"oops\n"), Bytes.AsciiRows(5 * 1024 * 1024));

        var error = ReadFails(file);

        Assert.Contains("Row 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("quote is probably not closed", error.Message, StringComparison.Ordinal);
    }
}
