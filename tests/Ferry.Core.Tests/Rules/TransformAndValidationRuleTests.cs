using Ferry.Core.Rules;
using Ferry.Testing;

namespace Ferry.Core.Tests.Rules;

public sealed class TransformAndValidationRuleTests
{
    static string? Apply(string rules, string? value) =>
        RuleParser.ParseTransforms(rules).Aggregate(value, (text, rule) => rule.ApplyToText(text));

    static string? Check(string rule, string? text) => Assert.Single(RuleParser.ParseValidations(rule)).Check(text, text);

    [Theory]
    [InlineData("trim|title_case", "  ACME traders pvt ltd ", "Acme Traders Pvt Ltd")]
    [InlineData("collapse_spaces", " Shree   Ganesh\tStores ", "Shree Ganesh Stores")]
    [InlineData("digits_only", "+91 98200-12345", "919820012345")]
    [InlineData("remove_spaces|upper", "27 aapfu 0939f1zv", "27AAPFU0939F1ZV")]
    [InlineData("truncate:5", "Mumbai", "Mumba")]
    [InlineData("replace:Pvt.:Private", "Acme Pvt. Ltd", "Acme Private Ltd")]
    [InlineData("default:Unassigned", "", "Unassigned")]
    [InlineData("default:Unassigned", "Pune", "Pune")]
    public void Text_transformations_clean_values_the_way_users_expect(string rules, string? input, string expected) =>
        Assert.Equal(expected, Apply(rules, input));

    [Fact]
    [UseCulture("tr-TR")]
    public void Case_changes_do_not_follow_the_Turkish_dotted_i()
    {
        Assert.Equal("ISTANBUL", Apply("upper", "istanbul"));
        Assert.Equal("Indore", Apply("title_case", "INDORE"));
    }

    [Theory]
    [InlineData("round:2", 2.345, 2.35)]
    [InlineData("round", 2.5, 3)]
    [InlineData("abs", -500, 500)]
    [InlineData("negate", 500, -500)]
    public void Number_transformations_round_away_from_zero_and_change_signs(string rule, double input, double expected) =>
        Assert.Equal((decimal)expected, Assert.Single(RuleParser.ParseTransforms(rule)).ApplyToNumber((decimal)input));

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Required_rejects_a_blank_cell_that_produced_no_value(string? text) =>
        Assert.Equal("is required but empty", Assert.Single(RuleParser.ParseValidations("required")).Check(text, null));

    [Fact]
    public void Other_validations_leave_an_empty_value_alone() =>
        Assert.Null(Check("email", null));

    [Theory]
    [InlineData("email", "accounts@acme.in", true)]
    [InlineData("email", "accounts@acme", false)]
    [InlineData("email", "two words@acme.in", false)]
    [InlineData("in:customer,vendor,both", "Vendor", true)]
    [InlineData("in:customer,vendor,both", "agent", false)]
    [InlineData("min_length:3", "ab", false)]
    [InlineData("max_length:3", "abcd", false)]
    [InlineData("numeric", "400001", true)]
    [InlineData("numeric", "4000O1", false)]
    [InlineData("alphanumeric", "HSN8471", true)]
    [InlineData("alphanumeric", "HSN-8471", false)]
    [InlineData("gstin", "27AAPFU0939F1ZV", true)]
    [InlineData("gstin", "27AAPFU0939F1ZX", false)]
    [InlineData("pan", "AAPFU0939F", true)]
    [InlineData("pin_code", "012345", false)]
    [InlineData("phone", "+91 (22) 2345-6789", true)]
    [InlineData("phone", "call me", false)]
    [InlineData("ifsc", "HDFC0001234", true)]
    public void Validations_accept_good_values_and_explain_bad_ones(string rule, string text, bool valid)
    {
        var problem = Check(rule, text);
        if (valid)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(problem));
        }
    }

    [Fact(Timeout = 10_000)]
    public async Task The_email_check_takes_linear_time_on_a_hostile_value()
    {
        var hostile = "a@" + new string('.', 1_000_000) + " ";

        var problem = await Task.Run(() => Check("email", hostile), TestContext.Current.CancellationToken);

        Assert.Equal("is not a valid e-mail address", problem);
    }
}
