using Ferry.Core.Values;
using Ferry.Testing;

namespace Ferry.Core.Tests.Values;

[UseCulture("de-DE")]
public sealed class DateParsingTestsInGermanCulture : DateParsingTests;

public class DateParsingTests
{
    [Theory]
    [InlineData("31/03/2024")]
    [InlineData("31-03-2024")]
    [InlineData("31.03.2024")]
    [InlineData("31/3/2024")]
    [InlineData("31/03/24")]
    [InlineData("31.03.24")]
    [InlineData("31-Mar-24")]
    [InlineData("31-Mar-2024")]
    [InlineData("31-MAR-2024")]
    [InlineData("31 Mar 2024")]
    [InlineData("31 March 2024")]
    [InlineData("31/Mar/2024")]
    [InlineData("Mar 31, 2024")]
    [InlineData("March 31 2024")]
    [InlineData("2024-03-31")]
    [InlineData("2024/3/31")]
    [InlineData("2024.03.31")]
    [InlineData("20240331")]
    [InlineData("2024-03-31 16:40:33")]
    [InlineData("2024-03-31T16:40:33Z")]
    [InlineData("31/03/2024 4:40 PM")]
    public void Every_business_date_form_reads_as_the_last_day_of_the_financial_year(string text)
    {
        Assert.True(ValueParser.TryParseDate(text, DateOrder.DayFirst, acceptExcelSerial: false, out var date));
        Assert.Equal(new DateOnly(2024, 3, 31), date);
    }

    [Fact]
    public void Month_first_dates_are_read_only_when_the_column_order_says_so()
    {
        Assert.False(ValueParser.TryParseDate("3/31/2024", out _));
        Assert.True(ValueParser.TryParseDate("3/31/2024", DateOrder.MonthFirst, false, out var date));
        Assert.Equal(new DateOnly(2024, 3, 31), date);
    }

    [Theory]
    [InlineData(DateOrder.DayFirst, 2024, 2, 1)]
    [InlineData(DateOrder.MonthFirst, 2024, 1, 2)]
    [InlineData(DateOrder.YearFirst, 2024, 2, 1)]
    public void The_column_order_decides_a_date_whose_day_and_month_could_swap(DateOrder order, int year, int month, int day)
    {
        Assert.True(ValueParser.TryParseDate("01/02/2024", order, false, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Fact]
    public void Year_first_order_reads_a_two_digit_year_at_the_front()
    {
        Assert.True(ValueParser.TryParseDate("24-03-31", DateOrder.YearFirst, false, out var date));
        Assert.Equal(new DateOnly(2024, 3, 31), date);
    }

    [Theory]
    [InlineData(DateOrder.DayFirst)]
    [InlineData(DateOrder.MonthFirst)]
    [InlineData(DateOrder.YearFirst)]
    public void Dates_that_name_their_month_or_lead_with_the_year_read_the_same_in_any_order(DateOrder order)
    {
        foreach (var text in (string[])["2024-03-31", "31-Mar-2024", "Mar 31, 2024", "20240331"])
        {
            Assert.True(ValueParser.TryParseDate(text, order, false, out var date), text);
            Assert.Equal(new DateOnly(2024, 3, 31), date);
        }
    }

    [Theory]
    [InlineData("2024-03-31 16:40:33", 16, 40, 33, 0, DateTimeKind.Unspecified)]
    [InlineData("2024-03-31T16:40:33", 16, 40, 33, 0, DateTimeKind.Unspecified)]
    [InlineData("2024-03-31T16:40:33.250", 16, 40, 33, 250, DateTimeKind.Unspecified)]
    [InlineData("2024-03-31T16:40:33Z", 16, 40, 33, 0, DateTimeKind.Utc)]
    [InlineData("2024-03-31T22:10:33+05:30", 16, 40, 33, 0, DateTimeKind.Utc)]
    [InlineData("2024-03-31 22:10:33 +0530", 16, 40, 33, 0, DateTimeKind.Utc)]
    [InlineData("31/03/2024 16:40", 16, 40, 0, 0, DateTimeKind.Unspecified)]
    [InlineData("31-03-2024 4:40:33 pm", 16, 40, 33, 0, DateTimeKind.Unspecified)]
    [InlineData("31-Mar-2024 12:05 AM", 0, 5, 0, 0, DateTimeKind.Unspecified)]
    [InlineData("31/03/2024", 0, 0, 0, 0, DateTimeKind.Unspecified)]
    public void Date_times_keep_their_clock_and_turn_a_written_offset_into_UTC(string text, int hour, int minute, int second, int millisecond, DateTimeKind kind)
    {
        Assert.True(ValueParser.TryParseDateTime(text, DateOrder.DayFirst, false, out var value));
        Assert.Equal(new DateTime(2024, 3, 31, hour, minute, second, millisecond), value, TimeSpan.Zero);
        Assert.Equal(kind, value.Kind);
    }

    [Fact]
    public void A_date_read_from_a_date_time_with_an_offset_is_the_date_as_written()
    {
        Assert.True(ValueParser.TryParseDate("2024-03-31T23:30:00-05:00", DateOrder.DayFirst, false, out var date));
        Assert.Equal(new DateOnly(2024, 3, 31), date);
    }

    [Theory]
    [InlineData("1", 1900, 1, 1)]
    [InlineData("59", 1900, 2, 28)]
    [InlineData("61", 1900, 3, 1)]
    [InlineData("45382", 2024, 3, 31)]
    [InlineData("45382.0", 2024, 3, 31)]
    [InlineData("2958465", 9999, 12, 31)]
    public void Excel_serials_count_days_from_1900_with_its_phantom_leap_day(string text, int year, int month, int day)
    {
        Assert.True(ValueParser.TryParseDate(text, DateOrder.DayFirst, acceptExcelSerial: true, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("60")]
    [InlineData("60.5")]
    [InlineData("0")]
    [InlineData("0.5")]
    [InlineData("2958466")]
    [InlineData("-5")]
    [InlineData("45,382")]
    [InlineData("4.5E4")]
    public void Excel_serials_outside_the_calendar_or_not_plain_numbers_are_rejected(string text) =>
        Assert.False(ValueParser.TryParseDate(text, DateOrder.DayFirst, acceptExcelSerial: true, out _));

    [Fact]
    public void The_fraction_of_an_Excel_serial_is_the_time_of_day()
    {
        Assert.True(ValueParser.TryParseDateTime("45382.694826388889", DateOrder.DayFirst, acceptExcelSerial: true, out var value));
        Assert.Equal(new DateTime(2024, 3, 31, 16, 40, 33), value);
    }

    [Fact]
    public void Bare_numbers_are_not_dates_unless_serials_are_accepted()
    {
        Assert.False(ValueParser.TryParseDate("45382", DateOrder.DayFirst, acceptExcelSerial: false, out _));
        Assert.False(ValueParser.TryParseDateTime("45382.5", DateOrder.DayFirst, acceptExcelSerial: false, out _));
    }

    [Theory]
    [InlineData("31/02/2024")]
    [InlineData("29/02/2023")]
    [InlineData("2024-13-01")]
    [InlineData("32/01/2024")]
    [InlineData("31-Okt-24")]
    [InlineData("31 03 2024")]
    [InlineData("31/03-2024")]
    [InlineData("2024-03-31 25:00")]
    [InlineData("2024-03-31 13:00 PM")]
    [InlineData("2024-03-31T16:40:33+15:00")]
    [InlineData("2024-03-31T16:40:33.12345678")]
    [InlineData("31/03/2024 garbage")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void Impossible_or_unreadable_dates_are_rejected(string text)
    {
        Assert.False(ValueParser.TryParseDate(text, DateOrder.DayFirst, acceptExcelSerial: true, out _));
        Assert.False(ValueParser.TryParseDateTime(text, DateOrder.DayFirst, acceptExcelSerial: true, out _));
    }

    [Fact]
    public void A_date_whose_month_cannot_be_the_second_field_is_no_date_day_first()
    {
        Assert.False(ValueParser.TryParseDate("13/13/2024", DateOrder.DayFirst, false, out _));
        Assert.False(ValueParser.TryParseDate("13/13/2024", DateOrder.MonthFirst, false, out _));
    }

    [Theory]
    [InlineData("31-03-2024", "dd-MM-yyyy")]
    [InlineData("1-3-2024", "d-M-yyyy")]
    [InlineData("31/03/24", "dd/MM/yy")]
    [InlineData("31.03.2024", "dd.MM.yyyy")]
    [InlineData("31-Mar-24", "dd-MMM-yy")]
    [InlineData("1-Mar-24", "d-MMM-yy")]
    [InlineData("31 March 2024", "dd MMMM yyyy")]
    [InlineData("Mar 31, 2024", "MMM dd, yyyy")]
    [InlineData("2024-03-31", "yyyy-MM-dd")]
    [InlineData("20240331", "yyyyMMdd")]
    [InlineData("2024-03-31 16:40:33", "yyyy-MM-dd HH:mm:ss")]
    [InlineData("2024-03-31T16:40:33Z", "yyyy-MM-ddTHH:mm:ssK")]
    [InlineData("2024-03-31T16:40:33.250+05:30", "yyyy-MM-ddTHH:mm:ss.fffK")]
    [InlineData("31/03/2024 4:40 PM", "dd/MM/yyyy h:mm tt")]
    public void A_written_date_knows_the_pattern_it_was_written_in(string text, string pattern)
    {
        Assert.True(WrittenDate.TryRead(text, DateOrder.DayFirst, out var date));
        Assert.Equal(pattern, date.Pattern);
    }

    [Fact]
    public void A_month_first_date_has_a_month_first_pattern()
    {
        Assert.True(WrittenDate.TryRead("3/31/2024", DateOrder.MonthFirst, out var date));
        Assert.Equal("M/dd/yyyy", date.Pattern);
    }
}
