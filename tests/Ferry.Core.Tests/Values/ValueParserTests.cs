using System.Globalization;
using Ferry.Core.Values;
using Ferry.Testing;

namespace Ferry.Core.Tests.Values;

/// <summary>Runs under de-DE, where ',' is the decimal separator, so any culture-sensitive parsing shows up here.</summary>
[UseCulture("de-DE")]
public sealed class ValueParserTestsInGermanCulture : ValueParserTests
{
    [Fact]
    public void These_tests_really_run_under_a_comma_decimal_culture() =>
        Assert.Equal(",", CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator);
}

public class ValueParserTests
{
    [Fact]
    public void Rupee_amount_with_Indian_lakh_grouping_is_read_whole()
    {
        Assert.True(ValueParser.TryParseAmount("₹1,23,456.78", out var value, out var side));
        Assert.Equal(123456.78m, value);
        Assert.Null(side);
    }

    [Fact]
    public void Amount_in_parentheses_is_negative()
    {
        Assert.True(ValueParser.TryParseAmount("(500.00)", out var value, out _));
        Assert.Equal(-500m, value);
    }

    [Fact]
    public void Indian_grouped_amount_with_Cr_suffix_is_a_credit_and_keeps_its_sign()
    {
        Assert.True(ValueParser.TryParseAmount("1,18,000.00 Cr", out var value, out var side));
        Assert.Equal(118000m, value);
        Assert.Equal(BalanceSide.Cr, side);
    }

    [Fact]
    public void Dr_suffix_is_read_case_insensitively()
    {
        Assert.True(ValueParser.TryParseAmount("2,500.50 dr", out var value, out var side));
        Assert.Equal(2500.50m, value);
        Assert.Equal(BalanceSide.Dr, side);
    }

    [Theory]
    [InlineData("INR 2625", 2625)]
    [InlineData("Rs. 1,500.50", 1500.50)]
    [InlineData("$1,234.5", 1234.5)]
    [InlineData("18%", 18)]
    [InlineData("  7,500  ", 7500)]
    [InlineData("-42.25", -42.25)]
    [InlineData("1\u00A023\u00A0456", 123456)]
    public void Currency_marks_percent_signs_and_group_separators_are_ignored(string text, double expected)
    {
        Assert.True(ValueParser.TryParseAmount(text, out var value, out _));
        Assert.Equal((decimal)expected, value);
    }

    [Fact]
    public void A_point_is_the_decimal_separator_even_when_the_machine_uses_a_comma()
    {
        Assert.True(ValueParser.TryParseAmount("1234.56", out var value, out _));
        Assert.Equal(1234.56m, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("12-34")]
    [InlineData("Cr")]
    [InlineData("N/A")]
    public void Text_that_is_not_an_amount_is_rejected(string text) =>
        Assert.False(ValueParser.TryParseAmount(text, out _, out _));

    [Fact]
    public void Signed_decimal_makes_a_credit_negative()
    {
        Assert.True(ValueParser.TryParseDecimal("1,18,000 Cr", out var value));
        Assert.Equal(-118000m, value);
    }

    [Fact]
    public void Signed_decimal_keeps_a_debit_positive()
    {
        Assert.True(ValueParser.TryParseDecimal("45,000 Dr", out var value));
        Assert.Equal(45000m, value);
    }

    [Fact]
    public void Whole_number_accepts_group_separators()
    {
        Assert.True(ValueParser.TryParseInteger("1,200", out var value));
        Assert.Equal(1200L, value);
    }

    [Theory]
    [InlineData("12.5")]
    [InlineData("thirty")]
    [InlineData("99999999999999999999999")]
    public void Whole_number_rejects_fractions_words_and_overflow(string text) =>
        Assert.False(ValueParser.TryParseInteger(text, out _));

    [Theory]
    [InlineData("31-03-2024")]
    [InlineData("31/03/2024")]
    [InlineData("31.03.2024")]
    [InlineData("2024-03-31")]
    [InlineData("2024/03/31")]
    [InlineData("20240331")]
    [InlineData("31-Mar-2024")]
    [InlineData("31-Mar-24")]
    [InlineData("31 Mar 2024")]
    [InlineData("Mar 31, 2024")]
    [InlineData("2024-03-31 14:05:00")]
    [InlineData("2024-03-31T14:05:00")]
    [InlineData(" 31-03-2024 ")]
    public void Common_business_date_formats_all_mean_the_last_day_of_the_financial_year(string text)
    {
        Assert.True(ValueParser.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(2024, 3, 31), date);
    }

    [Fact]
    public void Ambiguous_slashed_date_is_read_day_first()
    {
        Assert.True(ValueParser.TryParseDate("05/04/2024", out var date));
        Assert.Equal(new DateOnly(2024, 4, 5), date);
    }

    [Fact]
    public void Month_abbreviation_is_English_whatever_the_machine_culture()
    {
        Assert.True(ValueParser.TryParseDate("1-Oct-23", out var date));
        Assert.Equal(new DateOnly(2023, 10, 1), date);
        Assert.False(ValueParser.TryParseDate("1-Okt-23", out _));
    }

    [Theory]
    [InlineData("31-02-2024")]
    [InlineData("2024-13-01")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void Impossible_or_unreadable_dates_are_rejected(string text) =>
        Assert.False(ValueParser.TryParseDate(text, out _));

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Y", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("Active", true)]
    [InlineData("no", false)]
    [InlineData("False", false)]
    [InlineData("0", false)]
    [InlineData("inactive", false)]
    [InlineData(" Disabled ", false)]
    public void Yes_no_flags_are_read_in_their_usual_spellings(string text, bool expected)
    {
        Assert.True(ValueParser.TryParseBoolean(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("")]
    [InlineData("2")]
    public void Other_text_is_not_a_flag(string text) =>
        Assert.False(ValueParser.TryParseBoolean(text, out _));
}
