using Ferry.Core.Profiling;
using Ferry.Core.Values;

namespace Ferry.Core.Tests.Profiling;

public sealed class ColumnReadingTests
{
    static ColumnProfile Profile(string type, string? dateFormat, params string[] patterns) =>
        new("Column", type, 1, 1, [], patterns, dateFormat, []);

    [Theory]
    [InlineData("dd/MM/yyyy", DateOrder.DayFirst)]
    [InlineData("MM/dd/yyyy", DateOrder.MonthFirst)]
    [InlineData("M/d/yy", DateOrder.MonthFirst)]
    [InlineData("yyyy-MM-dd", DateOrder.DayFirst)]
    [InlineData("MMM d, yyyy", DateOrder.DayFirst)]
    [InlineData("excel_serial", DateOrder.DayFirst)]
    public void Date_order_follows_the_column_date_format(string format, DateOrder order) =>
        Assert.Equal(order, ColumnReading.From(Profile("date", format)).DateOrder);

    [Fact]
    public void A_text_column_is_read_the_house_way() =>
        Assert.Equal(new ColumnReading(NumberFormat.DecimalPoint, DateOrder.DayFirst, false), ColumnReading.From(Profile("text", null)));

    [Fact]
    public void A_decimal_comma_column_reads_numbers_with_a_comma() =>
        Assert.Equal(NumberFormat.DecimalComma, ColumnReading.From(Profile("decimal", null, "decimal_comma")).NumberFormat);

    [Fact]
    public void A_date_column_accepts_Excel_serials() =>
        Assert.True(ColumnReading.From(Profile("datetime", "yyyy-MM-dd HH:mm:ss")).AcceptExcelSerials);
}
