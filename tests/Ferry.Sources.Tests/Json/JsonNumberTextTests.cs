using Ferry.Sources.Json;
using Ferry.Testing;

namespace Ferry.Sources.Tests.Json;

/// <summary>Runs where the decimal separator is a comma: numbers must still read exactly as the file writes them.</summary>
[UseCulture("de-DE")]
public sealed class JsonNumberTextTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Numbers_keep_their_literal_digits()
    {
        var path = _folder.File(Bytes.Ascii("""
            [{"rate": 1234.50, "id": 5571826000000000358, "big": 123456789012345678901234567890, "exp": 1e3,
              "neg": -0.0, "precise": 0.1000000000000000055511151231257827, "small": 1.5E-7, "count": 7}]
            """), "upload.json");

        var layout = JsonTableFile.Describe(path);

        Assert.Equal(
            [["1234.50", "5571826000000000358", "123456789012345678901234567890", "1e3", "-0.0", "0.1000000000000000055511151231257827", "1.5E-7", "7"]],
            JsonRows.Of(path, layout, "records"));
    }

    [Fact]
    public void Numbers_in_joined_arrays_and_child_rows_keep_their_digits_too()
    {
        var path = _folder.File(Bytes.Ascii("""
            {"invoices": [{"rates": [1.50, 2.25], "line_items": [{"quantity": 1000.000}]}]}
            """), "upload.json");

        var layout = JsonTableFile.Describe(path);

        Assert.Equal([["1.50; 2.25"]], JsonRows.Of(path, layout, "invoices"));
        Assert.Equal([["1", "1000.000", "1.50; 2.25"]], JsonRows.Of(path, layout, "invoices.line_items"));
    }

    [Fact]
    public void Row_numbers_and_locations_have_no_digit_grouping()
    {
        var records = string.Join(",\n", Enumerable.Range(1, 1200).Select(i => $"{{\"id\": {i}, \"lines\": [{{\"n\": {i}}}]}}"));
        var path = _folder.File(Bytes.Ascii("[" + records + "]"), "upload.json");
        var layout = JsonTableFile.Describe(path);

        using var reader = JsonTableFile.Open(path, layout, "records.lines");
        while (reader.Read() && reader.RowNumber < 1200)
        {
        }

        Assert.Equal("record 1200, lines 1", reader.Location);
        Assert.Equal("1200", reader.GetValue(0));
    }
}
