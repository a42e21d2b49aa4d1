using System.Globalization;
using Ferry.Core.Profiling;
using Ferry.Core.Values;
using Ferry.Testing;

namespace Ferry.Core.Tests.Profiling;

[UseCulture("de-DE")]
public sealed class ColumnProfilerTestsInGermanCulture : ColumnProfilerTests;

public class ColumnProfilerTests
{
    static ColumnProfile Profile(string name, params string?[] values)
    {
        var profiler = new ColumnProfiler(name);
        foreach (var value in values)
        {
            profiler.Add(value);
        }
        return profiler.Build(values.Length);
    }

    static string[] Repeat(int count, Func<int, string> value) => Enumerable.Range(0, count).Select(value).ToArray();

    [Fact]
    public void Rupee_amounts_with_lakh_grouping_are_an_amount_column()
    {
        var profile = Profile("Balance", "₹1,23,456.78", "₹45,000.00", "₹1,500.50", "₹12,34,567.00");
        Assert.Equal("amount", profile.InferredType);
        Assert.Contains("currency_amount", profile.Patterns);
        Assert.Null(profile.DateFormat);
        Assert.Empty(profile.Notes);
    }

    [Fact]
    public void Western_grouped_amounts_are_an_amount_column_read_with_a_decimal_point()
    {
        var profile = Profile("Total", "123,456.78", "1,234.50", "999.00", "12,345,678.90");
        Assert.Equal("amount", profile.InferredType);
        Assert.DoesNotContain("decimal_comma", profile.Patterns);
        Assert.DoesNotContain("currency_amount", profile.Patterns);
        Assert.Equal(NumberFormat.DecimalPoint, ColumnReading.From(profile).NumberFormat);
    }

    [Fact]
    public void Grouping_only_commas_stay_thousands_separators()
    {
        var profile = Profile("Qty", "1,234", "5,678", "12,345");
        Assert.Equal("amount", profile.InferredType);
        Assert.DoesNotContain("decimal_comma", profile.Patterns);
        Assert.Equal(NumberFormat.DecimalPoint, ColumnReading.From(profile).NumberFormat);
    }

    [Theory]
    [InlineData("12.5", "3.75", "100", "decimal")]
    [InlineData("12", "-3", "100", "integer")]
    [InlineData("(12)", "3", "100", "amount")]
    [InlineData("12 Dr", "3 Cr", "100", "amount")]
    [InlineData("18%", "5%", "12.5%", "decimal")]
    public void Plain_numbers_are_integer_or_decimal_and_marked_ones_are_amounts(string a, string b, string c, string type) =>
        Assert.Equal(type, Profile("Value", a, b, c).InferredType);

    [Fact]
    public void Decimal_comma_values_mark_the_column_decimal_comma()
    {
        var profile = Profile("Betrag", "1.234,56", "12,5", "-0,33", "1234,56", "7");
        Assert.Equal("amount", profile.InferredType);
        Assert.Contains("decimal_comma", profile.Patterns);
        Assert.Contains(profile.Notes, n => n.Contains("decimal comma", StringComparison.Ordinal));
        Assert.Equal(NumberFormat.DecimalComma, ColumnReading.From(profile).NumberFormat);
    }

    [Fact]
    public void Ungrouped_decimal_comma_values_are_a_decimal_column()
    {
        var profile = Profile("Rate", "12,5", "3,75", "100");
        Assert.Equal("decimal", profile.InferredType);
        Assert.Contains("decimal_comma", profile.Patterns);
    }

    [Fact]
    public void A_few_decimal_points_among_decimal_commas_are_reported_as_a_disagreement()
    {
        var values = Repeat(60, i => $"{i},5").Append("2.5").ToArray();
        var profile = Profile("Rate", values);
        Assert.Equal("decimal", profile.InferredType);
        Assert.Contains("decimal_comma", profile.Patterns);
        Assert.Contains(profile.Notes, n => n.Contains("disagree", StringComparison.Ordinal) && n.Contains("'2.5'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_little_junk_is_tolerated_and_reported_with_an_example()
    {
        var values = Repeat(99, i => (i * 7).ToString(CultureInfo.InvariantCulture)).Append("N/A").ToArray();
        var profile = Profile("Qty", values);
        Assert.Equal("integer", profile.InferredType);
        Assert.Contains("1 of 100 values are not numbers, e.g. 'N/A'.", profile.Notes);
    }

    [Fact]
    public void More_junk_than_the_tolerance_makes_the_column_text()
    {
        var values = Repeat(95, i => i.ToString(CultureInfo.InvariantCulture)).Concat(Repeat(5, _ => "N/A")).ToArray();
        Assert.Equal("text", Profile("Qty", values).InferredType);
    }

    [Fact]
    public void Six_digit_amounts_in_a_column_not_named_for_codes_are_numbers()
    {
        var profile = Profile("Credit Limit", "390000", "140000", "250000", "500000");

        Assert.Equal("integer", profile.InferredType);
    }

    [Fact]
    public void Types_are_decided_on_the_first_values_while_fill_rate_and_distinct_count_cover_every_row()
    {
        var profiler = new ColumnProfiler("Qty");
        for (var i = 0; i < ColumnProfiler.ClassifiedLimit; i++)
        {
            profiler.Add((i % 1000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        profiler.Add("not a number");
        profiler.Add(null);

        var profile = profiler.Build(ColumnProfiler.ClassifiedLimit + 2);

        Assert.Equal("integer", profile.InferredType);
        Assert.Equal(Math.Round((ColumnProfiler.ClassifiedLimit + 1) / (double)(ColumnProfiler.ClassifiedLimit + 2), 4), profile.FillRate);
        Assert.InRange(profile.DistinctEstimate, 971, 1031);
    }

    [Fact]
    public void PIN_codes_stay_text()
    {
        var profile = Profile("Pincode", "400001", "560034", "110001", "600028");
        Assert.Equal("text", profile.InferredType);
        Assert.Contains("pin_code", profile.Patterns);
        Assert.Contains(profile.Notes, n => n.Contains("PIN codes", StringComparison.Ordinal));
    }

    [Fact]
    public void Phone_numbers_stay_text()
    {
        var profile = Profile("Mobile", "9876543210", "+91 98765 43210", "022-24567890", "8123456789", "09812345678");
        Assert.Equal("text", profile.InferredType);
        Assert.Contains("phone", profile.Patterns);
        Assert.DoesNotContain("identifier", profile.Patterns);
    }

    [Fact]
    public void GSTINs_are_text_with_the_gstin_pattern()
    {
        var profile = Profile("GSTIN", "27AAPFU0939F1ZV", "29AAGCB7383J1Z4", "24AAACC1206D1ZM");
        Assert.Equal("text", profile.InferredType);
        Assert.Equal(["gstin"], profile.Patterns);
    }

    [Fact]
    public void PANs_IFSCs_and_emails_are_recognised()
    {
        Assert.Equal(["pan"], Profile("PAN", "AAPFU0939F", "AAGCB7383J").Patterns);
        Assert.Equal(["ifsc"], Profile("IFSC", "HDFC0001234", "SBIN0ABC123").Patterns);
        Assert.Equal(["email"], Profile("Email", "a@example.com", "accounts@example.co.in").Patterns);
    }

    [Fact]
    public void Nineteen_digit_ids_stay_text()
    {
        var profile = Profile("Order Id", "1234567890123456789", "9876543210987654321", "1111111111111111111");
        Assert.Equal("text", profile.InferredType);
        Assert.Contains("identifier", profile.Patterns);
        Assert.Contains(profile.Notes, n => n.Contains("more than 15 digits", StringComparison.Ordinal));
    }

    [Fact]
    public void Dotted_HSN_codes_stay_text()
    {
        var profile = Profile("HSN", "3922.10.00", "8471.30.10", "998314");
        Assert.Equal("text", profile.InferredType);
        Assert.Contains("hsn", profile.Patterns);
    }

    [Fact]
    public void SAC_codes_are_named_as_such_though_PIN_shaped()
    {
        var profile = Profile("SAC", "998314", "998313", "997212");
        Assert.Equal("text", profile.InferredType);
        Assert.Contains("hsn", profile.Patterns);
        Assert.Contains("Kept as text: the values are HSN/SAC codes, not quantities.", profile.Notes);
    }

    [Fact]
    public void Codes_with_leading_zeros_stay_text()
    {
        var profile = Profile("Code", "007", "040001", "0012");
        Assert.Equal("text", profile.InferredType);
        Assert.Contains("identifier", profile.Patterns);
        Assert.Contains("Kept as text: '007' has leading zeros that a number would drop.", profile.Notes);
    }

    [Fact]
    public void A_day_above_twelve_decides_day_first()
    {
        var profile = Profile("Date", "31/03/2024", "01/02/2024", "15/04/2024");
        Assert.Equal("date", profile.InferredType);
        Assert.Equal("dd/MM/yyyy", profile.DateFormat);
        Assert.Empty(profile.Notes);
        Assert.Equal(DateOrder.DayFirst, ColumnReading.From(profile).DateOrder);
    }

    [Fact]
    public void A_second_field_above_twelve_decides_month_first()
    {
        var profile = Profile("Date", "03/31/2024", "01/02/2024", "4/15/2024");
        Assert.Equal("date", profile.InferredType);
        Assert.Equal("M/dd/yyyy", profile.DateFormat);
        Assert.Empty(profile.Notes);
        Assert.Equal(DateOrder.MonthFirst, ColumnReading.From(profile).DateOrder);
    }

    [Fact]
    public void Ambiguous_day_and_month_is_reported_not_guessed()
    {
        var profile = Profile("Date", "01/02/2024", "03/04/2024", "05/06/2024");
        Assert.Equal("date", profile.InferredType);
        Assert.Equal("dd/MM/yyyy", profile.DateFormat);
        var note = Assert.Single(profile.Notes);
        Assert.Contains("ambiguous", note, StringComparison.Ordinal);
        Assert.Contains("01/02/2024 could be 1 February or 2 January; no value in the column decides it", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_that_agree_either_way_are_not_ambiguous()
    {
        var profile = Profile("Date", "01/01/2024", "05/05/2024");
        Assert.Equal("date", profile.InferredType);
        Assert.Empty(profile.Notes);
    }

    [Fact]
    public void Values_proving_both_orders_are_reported_as_a_conflict()
    {
        var profile = Profile("Date", "31/03/2024", "03/31/2024", "15/04/2024");
        Assert.Equal("date", profile.InferredType);
        Assert.Equal("dd/MM/yyyy", profile.DateFormat);
        var note = Assert.Single(profile.Notes);
        Assert.Contains("'31/03/2024' can only be day-first but '03/31/2024' can only be month-first", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dd-MM-yyyy", "31-03-2024", "01-04-2024")]
    [InlineData("d-M-yyyy", "1-3-2024", "31-03-2024", "15-4-2024")]
    [InlineData("d-MMM-yy", "31-Mar-24", "1-Apr-24")]
    [InlineData("dd MMMM yyyy", "31 March 2024", "15 April 2024")]
    [InlineData("MMM d, yyyy", "Mar 31, 2024", "Apr 1, 2024")]
    [InlineData("yyyy-MM-dd", "2024-03-31", "2024-04-01")]
    [InlineData("yyyyMMdd", "20240331", "20240401")]
    public void The_date_format_names_how_the_column_writes_its_dates(string format, params string[] values)
    {
        var profile = Profile("Date", values);
        Assert.Equal("date", profile.InferredType);
        Assert.Equal(format, profile.DateFormat);
    }

    [Fact]
    public void Dates_with_times_are_a_datetime_column()
    {
        var profile = Profile("Created", "2024-03-31 16:40:33", "2024-04-01 09:15:00");
        Assert.Equal("datetime", profile.InferredType);
        Assert.Equal("yyyy-MM-dd HH:mm:ss", profile.DateFormat);
    }

    [Fact]
    public void Dates_whose_times_are_all_midnight_are_a_date_column()
    {
        var profile = Profile("Invoice Date", "31-03-2024 00:00:00", "01-04-2024 00:00:00");
        Assert.Equal("date", profile.InferredType);
        Assert.Equal("dd-MM-yyyy HH:mm:ss", profile.DateFormat);
    }

    [Fact]
    public void Excel_serials_in_a_date_column_are_dates()
    {
        var profile = Profile("Invoice Date", "45382", "45383", "45000");
        Assert.Equal("date", profile.InferredType);
        Assert.Equal("excel_serial", profile.DateFormat);
        Assert.Contains("3 values are Excel serial day numbers, e.g. 45382 = 2024-03-31.", profile.Notes);
        Assert.True(ColumnReading.From(profile).AcceptExcelSerials);
    }

    [Fact]
    public void Excel_serials_with_fractions_are_date_times()
    {
        var profile = Profile("Posted At", "45382.694826388889", "45383.5");
        Assert.Equal("datetime", profile.InferredType);
        Assert.Equal("excel_serial", profile.DateFormat);
    }

    [Theory]
    [InlineData("DOB")]
    [InlineData("created_at")]
    [InlineData("UpdatedOn")]
    [InlineData("Txn Dt")]
    [InlineData("Timestamp")]
    public void Column_names_that_speak_of_dates_let_serials_be_dates(string name) =>
        Assert.Equal("date", Profile(name, "45382", "45383").InferredType);

    [Theory]
    [InlineData("Attendance")]
    [InlineData("Contact")]
    [InlineData("Amount")]
    public void Column_names_that_merely_contain_at_or_on_do_not(string name) =>
        Assert.Equal("integer", Profile(name, "45382", "45383").InferredType);

    [Fact]
    public void Numbers_in_serial_range_stay_numbers_when_nothing_says_they_are_dates()
    {
        var profile = Profile("Amount", "45382", "45383", "45000");
        Assert.Equal("integer", profile.InferredType);
        Assert.Contains(profile.Notes, n => n.Contains("could be Excel serial dates", StringComparison.Ordinal));
        Assert.False(ColumnReading.From(profile).AcceptExcelSerials);
    }

    [Fact]
    public void A_column_mixing_ISO_text_and_serial_dates_is_still_dates_with_a_note()
    {
        var profile = Profile("Posted", "2024-03-31", "31/03/2024", "45382", "2024-04-01", "15/04/2024", "2024-04-02");
        Assert.Equal("date", profile.InferredType);
        Assert.Equal("yyyy-MM-dd", profile.DateFormat);
        Assert.Contains("Dates are written in several formats: yyyy-MM-dd (3), dd/MM/yyyy (2), excel_serial (1).", profile.Notes);
        Assert.Contains(profile.Notes, n => n.Contains("45382 = 2024-03-31", StringComparison.Ordinal));
    }

    [Fact]
    public void A_date_column_tolerates_a_little_junk()
    {
        var values = Repeat(60, i => new DateOnly(2024, 1, 1).AddDays(i).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)).Append("TBD").ToArray();
        var profile = Profile("Due", values);
        Assert.Equal("date", profile.InferredType);
        Assert.Contains("1 of 61 values are not dates, e.g. 'TBD'.", profile.Notes);
    }

    [Fact]
    public void Yes_no_letters_are_a_boolean_column()
    {
        Assert.Equal("boolean", Profile("Active", "Y", "N", "y", "N").InferredType);
        Assert.Equal("boolean", Profile("Active", "Yes", "No", "TRUE", "false", "1", "0").InferredType);
    }

    [Fact]
    public void Zeros_and_ones_alone_stay_integer()
    {
        Assert.Equal("integer", Profile("Flag", "0", "1", "1", "0").InferredType);
    }

    [Fact]
    public void A_column_with_no_values_is_empty()
    {
        var profile = Profile("Notes", null, "", "   ");
        Assert.Equal("empty", profile.InferredType);
        Assert.Equal(0, profile.FillRate);
        Assert.Equal(0, profile.DistinctEstimate);
        Assert.Empty(profile.SampleValues);
        Assert.Empty(profile.Patterns);
        Assert.Null(profile.DateFormat);
    }

    [Fact]
    public void Plain_words_are_text()
    {
        var profile = Profile("City", "Mumbai", "Pune", "Mumbai", null);
        Assert.Equal("text", profile.InferredType);
        Assert.Equal(0.75, profile.FillRate);
        Assert.Equal(2, profile.DistinctEstimate);
        Assert.Equal(["Mumbai", "Pune"], profile.SampleValues);
    }

    [Fact]
    public void Fill_rate_is_rounded_to_four_places()
    {
        var profiler = new ColumnProfiler("Name");
        profiler.Add("a");
        Assert.Equal(0.3333, profiler.Build(3).FillRate);
    }

    [Fact]
    public void Samples_are_the_first_twenty_distinct_values()
    {
        var values = Repeat(50, i => $"v{i % 30}");
        var profile = Profile("Name", values);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"v{i}"), profile.SampleValues);
        Assert.Equal(30, profile.DistinctEstimate);
    }

    [Fact]
    public void Distinct_count_is_exact_for_a_thousand_values()
    {
        var profile = Profile("Id", Repeat(3000, i => $"ID-{i % 1000}"));
        Assert.Equal(1000, profile.DistinctEstimate);
    }

    [Fact]
    public void Distinct_estimate_is_within_three_percent_on_a_hundred_thousand_values()
    {
        var profiler = new ColumnProfiler("Customer");
        for (var i = 0; i < 100_000; i++)
        {
            profiler.Add($"CUST-{i}");
            profiler.Add($"CUST-{i / 2}");
        }
        var profile = profiler.Build(200_000);
        Assert.InRange(profile.DistinctEstimate, 97_000, 103_000);
        Assert.Contains("identifier", profile.Patterns);
    }

    [Fact]
    public void A_million_distinct_values_keep_twenty_samples_and_an_estimate_within_three_percent()
    {
        var profiler = new ColumnProfiler("Reference");
        for (var i = 0; i < 1_000_000; i++)
        {
            profiler.Add((1_000_000 + i).ToString(CultureInfo.InvariantCulture));
        }
        var profile = profiler.Build(1_000_000);
        Assert.Equal(20, profile.SampleValues.Count);
        Assert.InRange(profile.DistinctEstimate, 970_000, 1_030_000);
        Assert.Equal("integer", profile.InferredType);
    }
}
