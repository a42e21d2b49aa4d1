using Ferry.Sources.Excel;
using Ferry.Testing;
using Ferry.Tests.Fixtures;

namespace Ferry.Sources.Tests.Excel;

[UseCulture("de-DE")]
public sealed class ExcelCellTextTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>The text of cell A1 of a one-cell workbook.</summary>
    string? TextOf(object cell)
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").Row(1, "marker", cell);
        var path = Path.Combine(_folder.Path, "cell.xlsx");
        workbook.Save(path);
        using var rows = ExcelWorkbook.OpenSheet(path, "Data");
        Assert.True(rows.Read());
        return rows.GetText(1);
    }

    [Fact]
    public void Shared_and_inline_strings_are_trimmed()
    {
        Assert.Equal("Acme Traders", TextOf("  Acme Traders\t"));
        Assert.Equal("Pune", TextOf(XlsxCell.Inline(" Pune ")));
    }

    [Fact]
    public void Booleans_are_true_or_false()
    {
        Assert.Equal("true", TextOf(true));
        Assert.Equal("false", TextOf(false));
    }

    [Fact]
    public void Error_values_are_empty() => Assert.Null(TextOf(XlsxCell.Error("#DIV/0!")));

    [Fact]
    public void A_date_is_written_year_first() => Assert.Equal("2024-03-31", TextOf(new DateTime(2024, 3, 31)));

    [Fact]
    public void A_date_with_a_time_of_day_keeps_the_time_to_the_second() =>
        Assert.Equal("2024-03-31 14:05:09", TextOf(new DateTime(2024, 3, 31, 14, 5, 9)));

    [Fact]
    public void A_date_in_Excels_built_in_short_date_format_is_a_date() =>
        Assert.Equal("2025-01-15", TextOf(XlsxCell.BuiltinFormat(45672, 14)));

    [Fact]
    public void A_time_with_no_date_is_only_the_time() => Assert.Equal("18:30:00", TextOf(XlsxCell.Number(0.7708333333333334, "hh:mm")));

    [Theory]
    [InlineData(1234.5, "1234.5")]
    [InlineData(0.1 + 0.2, "0.3")]
    [InlineData(1.18E+5, "118000")]
    [InlineData(-42.0, "-42")]
    [InlineData(0.0, "0")]
    [InlineData(99999.99, "99999.99")]
    [InlineData(0.000001234, "0.000001234")]
    [InlineData(1E+15, "1000000000000000")]
    [InlineData(123456789012345678.0, "123456789012346000")]
    [InlineData(1234567.8901234567, "1234567.89012346")]
    public void Numbers_keep_the_15_digits_Excel_shows_without_an_exponent(double value, string text) => Assert.Equal(text, TextOf(value));

    [Theory]
    [InlineData(40001.0, "000000", "040001")]
    [InlineData(123.0, "0000000000", "0000000123")]
    [InlineData(1234567.0, "000000", "1234567")]
    [InlineData(40001.6, "000000", "040002")]
    public void A_zero_padding_format_keeps_its_leading_zeros(double value, string format, string text) =>
        Assert.Equal(text, TextOf(XlsxCell.Number(value, format)));

    [Theory]
    [InlineData(1234.5, "#,##0.00")]
    [InlineData(1234.5, "0.00%")]
    [InlineData(1234.5, "@")]
    public void Other_number_formats_do_not_change_the_value(double value, string format) =>
        Assert.Equal("1234.5", TextOf(XlsxCell.Number(value, format)));
}
