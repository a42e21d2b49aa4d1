using Ferry.Core.Mapping;
using Ferry.Core.Pipeline;
using Ferry.Core.Records;
using Ferry.Core.Rules;
using Ferry.Erp.Schemas;
using Ferry.Testing;

namespace Ferry.Core.Tests.Rules;

[UseCulture("de-DE")]
public sealed class RulePatternTests
{
    /// <summary>Adjacent overlapping loops behind a lookahead: allowed, but polynomial for the backtracking engine.</summary>
    const string SlowPattern = @"^(?=1)\d*\w*\d*\w*\d*\w*$";

    static readonly string SlowValue = new string('1', 250) + "!";

    static readonly string Catastrophic = new string('a', 40) + "!";

    [Fact]
    public void A_nested_repetition_runs_in_linear_time_and_simply_does_not_match()
    {
        var pattern = RulePattern.Compile("^(a+)+$");

        Assert.False(pattern.Backtracks);
        Assert.Equal("does not match the pattern ^(a+)+$", pattern.Check(Catastrophic));
        Assert.Equal("does not match the pattern ^(a+)+$", pattern.Check(new string('a', 100_000) + "!"));
        Assert.Null(pattern.Check("aaaa"));
    }

    [Theory]
    [InlineData(@"^(?=.*\d)[A-Z0-9]+$", "AB12", "ABCD")]
    [InlineData(@"^(\d)\1$", "11", "12")]
    [InlineData(@"^(?!TEST)[A-Z]+$", "ACME", "TESTER")]
    [InlineData(@"^(?>\d+)-[A-Z]$", "123-X", "123-45")]
    [InlineData(@"^(\d{1,3}\.){3}\d{1,3}$(?<!\.0)", "10.0.0.1", "10.0.0.0")]
    public void A_safe_pattern_that_needs_backtracking_still_checks_values(string text, string passes, string fails)
    {
        var pattern = RulePattern.Compile(text);

        Assert.True(pattern.Backtracks);
        Assert.Null(pattern.Check(passes));
        Assert.Equal($"does not match the pattern {text}", pattern.Check(fails));
    }

    [Theory]
    [InlineData(@"^(?=a)(a+)+$", "(a+)+")]
    [InlineData(@"^(?=a)(?:a*)*$", "(?:a*)*")]
    [InlineData(@"(\w+\s?){20}\1", @"(\w+\s?){20}")]
    [InlineData(@"(?<=x)(y?)*z", "(y?)*")]
    [InlineData(@"^(?<word>(?:[a-z]+,)+)\k<word>$", "(?:[a-z]+,)+")]
    [InlineData(@"(?x) ^(?=a) ( a + ) + $", "( a + ) +")]
    [InlineData(@"^(?=[(])([^)]+\)?)+$", @"([^)]+\)?)+")]
    public void A_pattern_that_needs_backtracking_and_repeats_a_repetition_is_refused_with_MIG010(string text, string fragment)
    {
        var error = Assert.Throws<FerryException>(() => RulePattern.Compile(text));

        Assert.Equal(ErrorCodes.MappingInvalid, error.ErrorCode);
        Assert.Contains($"'{fragment}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'regex:{text}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"^(?=a)(ab)+$")]
    [InlineData(@"^(?=a)(a+)?b$")]
    [InlineData(@"^(?=\d)(\d{1,3}\.){3}$")]
    [InlineData(@"^(?=a)[(+*]+(\(x\))+$")]
    [InlineData(@"^(?=a)a{2,}\{1\}$")]
    [InlineData(@"(?<=x)y(?#a+)+")]
    public void A_pattern_that_needs_backtracking_without_a_nested_repetition_is_accepted(string text) =>
        Assert.True(RulePattern.Compile(text).Backtracks);

    [Fact]
    public void A_pattern_longer_than_the_limit_is_refused_with_MIG010()
    {
        Assert.False(RulePattern.Compile(new string('a', RulePattern.MaxLength)).Backtracks);

        var error = Assert.Throws<FerryException>(() => RulePattern.Compile(new string('a', RulePattern.MaxLength + 1)));

        Assert.Equal(ErrorCodes.MappingInvalid, error.ErrorCode);
        Assert.Contains("at most 500", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_takes_too_long_fails_the_rule_with_a_message_naming_it()
    {
        var pattern = RulePattern.Compile(SlowPattern, TimeSpan.FromMilliseconds(1));

        Assert.Equal($"could not be checked against 'regex:{SlowPattern}' within 1 ms", pattern.Check(SlowValue));
        Assert.Null(pattern.Check("12"));
    }

    [Fact]
    public void After_ten_timeouts_the_rest_of_the_run_fails_the_rule_without_trying()
    {
        var pattern = RulePattern.Compile(SlowPattern, TimeSpan.FromMilliseconds(1));
        for (var i = 0; i < RulePattern.TimeoutsPerRun; i++)
        {
            Assert.StartsWith("could not be checked", pattern.Check(SlowValue), StringComparison.Ordinal);
        }

        var skipped = pattern.Check("12");

        Assert.Equal($"was not checked against 'regex:{SlowPattern}': 10 values already took over 1 ms each in this run, " +
            "so the rest fail without being tried. Simplify the pattern.", skipped);
        Assert.Null(RulePattern.Compile(SlowPattern, TimeSpan.FromMilliseconds(1)).Check("12"));
    }

    [Fact]
    public void A_timeout_while_mapping_a_record_is_a_MIG004_error_on_that_record_only()
    {
        var mapper = RecordMapper.Create(new ContactSchema(), ["Name", "Code"],
            [new FieldMapping("Name", "display_name"), new FieldMapping("Code", "billing_line1", ValidationRule: $"regex:{SlowPattern}")]);

        var slow = mapper.Map(new SourceRecord(1, "row 2", ["Acme", SlowValue]));
        var quick = mapper.Map(new SourceRecord(2, "row 3", ["Bharat", "12"]));

        var error = Assert.Single(slow.Errors());
        Assert.Equal(ErrorCodes.ValidationFailed, error.ErrorCode);
        Assert.Equal("billing_line1", error.Field);
        Assert.Equal($"billing_line1 could not be checked against 'regex:{SlowPattern}' within 100 ms", error.Message);
        Assert.Empty(quick.Errors());
    }
}
