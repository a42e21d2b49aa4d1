using Ferry.Core.Values;
using Ferry.Testing;

namespace Ferry.Core.Tests.Values;

[UseCulture("de-DE")]
public sealed class AmountParsingTestsInGermanCulture : AmountParsingTests;

public class AmountParsingTests
{
    [Theory]
    [InlineData("1,23,456.78", 123456.78)]
    [InlineData("12,34,56,789", 123456789)]
    [InlineData("123,456.78", 123456.78)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("1,234", 1234)]
    [InlineData("1 234 567.5", 1234567.5)]
    [InlineData("1'234'567", 1234567)]
    [InlineData("0.75", 0.75)]
    [InlineData(".5", 0.5)]
    [InlineData("+12", 12)]
    [InlineData("1.5E3", 1500)]
    [InlineData("1.23457E+18", 1234570000000000000)]
    public void Digit_groups_Indian_or_Western_are_read_whole(string text, double expected)
    {
        Assert.True(ValueParser.TryParseAmount(text, out var value, out var side));
        Assert.Equal((decimal)expected, value);
        Assert.Null(side);
    }

    [Theory]
    [InlineData("ARS 2625.00", 2625)]
    [InlineData("2625.00 USD", 2625)]
    [InlineData("₹1,23,456.78", 123456.78)]
    [InlineData("₹ 500", 500)]
    [InlineData("Rs. 500", 500)]
    [InlineData("Rs.500", 500)]
    [InlineData("rs 500", 500)]
    [InlineData("INR500", 500)]
    [InlineData("500 INR", 500)]
    [InlineData("JPY 5,000", 5000)]
    [InlineData("€1,234.50", 1234.50)]
    [InlineData("1,234.50 €", 1234.50)]
    [InlineData("£7", 7)]
    [InlineData("-₹500", -500)]
    [InlineData("₹-500", -500)]
    [InlineData("-INR 500", -500)]
    [InlineData("(₹1,234.00)", -1234)]
    [InlineData("₹(1,234.00)", -1234)]
    [InlineData("(1,234.00)", -1234)]
    [InlineData("-1,234", -1234)]
    [InlineData("\u22121,234", -1234)]
    [InlineData("18%", 18)]
    [InlineData("12.5 %", 12.5)]
    [InlineData("Rs. 1,500/-", 1500)]
    [InlineData("₹500 /-", 500)]
    public void Currency_on_either_side_signs_parentheses_and_percent_are_understood(string text, double expected)
    {
        Assert.True(ValueParser.TryParseAmount(text, out var value, out _));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1,18,000.00 Cr", 118000, BalanceSide.Cr)]
    [InlineData("500 Dr", 500, BalanceSide.Dr)]
    [InlineData("500 Dr.", 500, BalanceSide.Dr)]
    [InlineData("500cr", 500, BalanceSide.Cr)]
    [InlineData("₹ 2,500.50 DR", 2500.50, BalanceSide.Dr)]
    [InlineData("INR 1,000 Cr", 1000, BalanceSide.Cr)]
    public void Trailing_Dr_or_Cr_is_the_side_and_leaves_the_amount_unsigned(string text, double expected, BalanceSide expectedSide)
    {
        Assert.True(ValueParser.TryParseAmount(text, out var value, out var side));
        Assert.Equal((decimal)expected, value);
        Assert.Equal(expectedSide, side);
    }

    [Theory]
    [InlineData("12,5")]
    [InlineData("1.234,56")]
    [InlineData("1234,56")]
    [InlineData("1,2345")]
    [InlineData("1234,567")]
    [InlineData("1,23,45")]
    [InlineData("1.2.3")]
    [InlineData("12-34")]
    [InlineData("--5")]
    [InlineData("abc 500")]
    [InlineData("INR")]
    [InlineData("500 SCR Cr x")]
    [InlineData("98765 43210")]
    [InlineData("31.03.2024")]
    [InlineData("3922.10.00")]
    [InlineData("/-")]
    [InlineData("Rs. /-")]
    public void Text_a_decimal_point_file_cannot_mean_as_one_number_is_rejected(string text) =>
        Assert.False(ValueParser.TryParseAmount(text, out _, out _));

    [Theory]
    [InlineData("1.234,56", 1234.56)]
    [InlineData("1234,56", 1234.56)]
    [InlineData("-0,33", -0.33)]
    [InlineData("12,5", 12.5)]
    [InlineData("1.234", 1234)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("1 234,56", 1234.56)]
    [InlineData("€ 1.234,56", 1234.56)]
    [InlineData("1.234,56 EUR", 1234.56)]
    [InlineData("(1.234,56)", -1234.56)]
    [InlineData("7", 7)]
    public void Decimal_comma_numbers_are_read_when_the_column_says_so(string text, double expected)
    {
        Assert.True(ValueParser.TryParseAmount(text, NumberFormat.DecimalComma, out var value, out _));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("12.5")]
    [InlineData("1,234.56")]
    [InlineData("1.23")]
    public void Decimal_point_numbers_are_rejected_in_a_decimal_comma_column(string text) =>
        Assert.False(ValueParser.TryParseAmount(text, NumberFormat.DecimalComma, out _, out _));

    [Fact]
    public void Without_the_decimal_comma_option_a_comma_groups_thousands()
    {
        Assert.True(ValueParser.TryParseDecimal("1,234", out var point));
        Assert.True(ValueParser.TryParseDecimal("1,234", NumberFormat.DecimalComma, out var comma));
        Assert.Equal(1234m, point);
        Assert.Equal(1.234m, comma);
    }

    [Fact]
    public void Signed_decimal_in_a_decimal_comma_column_makes_a_credit_negative()
    {
        Assert.True(ValueParser.TryParseDecimal("1.234,50 Cr", NumberFormat.DecimalComma, out var value));
        Assert.Equal(-1234.50m, value);
    }

    [Fact]
    public void Whole_number_in_a_decimal_comma_column_takes_points_as_groups()
    {
        Assert.True(ValueParser.TryParseInteger("1.234", NumberFormat.DecimalComma, out var value));
        Assert.Equal(1234L, value);
        Assert.False(ValueParser.TryParseInteger("1,5", NumberFormat.DecimalComma, out _));
    }
}
