using Ferry.Core.Rules;
using Ferry.Testing;

namespace Ferry.Core.Tests.Rules;

[UseCulture("de-DE")]
public sealed class RuleParserTests
{
    [Fact]
    public void Pipe_separated_transformations_are_read_in_order()
    {
        var rules = RuleParser.ParseTransforms("trim| title_case |truncate:40");

        Assert.Equal(["trim", "title_case", "truncate"], rules.Select(r => r.Name));
        Assert.Equal("40", rules[2].Argument);
    }

    [Fact]
    public void Rule_names_are_case_insensitive() =>
        Assert.Equal("upper", Assert.Single(RuleParser.ParseTransforms("UPPER")).Name);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("||")]
    public void Blank_rule_text_means_no_rules(string? text)
    {
        Assert.Empty(RuleParser.ParseTransforms(text));
        Assert.Empty(RuleParser.ParseValidations(text));
    }

    [Fact]
    public void Unknown_transformation_is_a_mapping_error_that_lists_the_known_rules()
    {
        var error = Assert.Throws<FerryException>(() => RuleParser.ParseTransforms("trim|shout"));

        Assert.Equal(ErrorCodes.MappingInvalid, error.ErrorCode);
        Assert.Contains("'shout'", error.Message, StringComparison.Ordinal);
        Assert.Contains("title_case", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truncate")]
    [InlineData("round:two")]
    [InlineData("truncate:-3")]
    [InlineData("default")]
    public void Transformation_with_a_missing_or_bad_argument_is_a_mapping_error(string text) =>
        Assert.Equal(ErrorCodes.MappingInvalid, Assert.Throws<FerryException>(() => RuleParser.ParseTransforms(text)).ErrorCode);

    [Fact]
    public void Min_and_max_validations_take_invariant_numbers()
    {
        var rules = RuleParser.ParseValidations("min:0.5|max:999999999");

        Assert.Equal(["min", "max"], rules.Select(r => r.Name));
        Assert.Equal("must be at least 0.5", rules[0].Check("0.4", 0.4m));
        Assert.Null(rules[0].Check("0.5", 0.5m));
        Assert.Equal("must be at most 999999999", rules[1].Check("1000000000", 1000000000m));
    }

    [Theory]
    [InlineData("min:abc")]
    [InlineData("max")]
    [InlineData("min_length:1.5")]
    [InlineData("in")]
    [InlineData("checksum")]
    public void Validation_with_unknown_name_or_bad_argument_is_a_mapping_error(string text) =>
        Assert.Equal(ErrorCodes.MappingInvalid, Assert.Throws<FerryException>(() => RuleParser.ParseValidations(text)).ErrorCode);

    [Fact]
    public void A_regex_keeps_its_own_pipes_and_swallows_the_rest_of_the_rule_text()
    {
        var rules = RuleParser.ParseValidations("required|regex:^(GST|VAT)-[0-9]+$");

        Assert.Equal(2, rules.Count);
        Assert.Equal("^(GST|VAT)-[0-9]+$", rules[1].Argument);
        Assert.Null(rules[1].Check("VAT-12", "VAT-12"));
        Assert.NotNull(rules[1].Check("TAX-12", "TAX-12"));
    }

    [Fact]
    public void An_invalid_regex_is_a_mapping_error_when_the_mapping_is_saved()
    {
        var error = Assert.Throws<FerryException>(() => RuleParser.ParseValidations("regex:([A-Z]"));

        Assert.Equal(ErrorCodes.MappingInvalid, error.ErrorCode);
        Assert.Contains("regular expression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regex_that_could_take_exponential_time_is_a_mapping_error_when_the_mapping_is_saved()
    {
        var error = Assert.Throws<FerryException>(() => RuleParser.ParseValidations("required|regex:^(?=A)(A+)+$"));

        Assert.Equal(ErrorCodes.MappingInvalid, error.ErrorCode);
        Assert.Contains("'(A+)+'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catastrophic_looking_regex_that_runs_in_linear_time_is_accepted() =>
        Assert.Equal("does not match the pattern ^(a+)+$",
            Assert.Single(RuleParser.ParseValidations("regex:^(a+)+$")).Check(new string('a', 40) + "!", null));
}
