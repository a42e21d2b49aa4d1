using Ferry.Core.Mapping;
using Ferry.Core.Pipeline;
using Ferry.Core.Records;
using Ferry.Erp.Schemas;
using Ferry.Testing;

namespace Ferry.Core.Tests.Pipeline;

[UseCulture("de-DE")]
public sealed class RecordMapperTests
{
    static readonly string[] Columns = ["Customer Name", "E-mail", "GSTIN", "Opening Balance", "Credit Limit", "Type", "Credit Days"];

    static RecordMapper Mapper(params FieldMapping[] mappings) => RecordMapper.Create(new ContactSchema(), Columns, mappings);

    static SourceRecord Row(params string?[] values) => new(4, "row 5", values);

    [Fact]
    public void Mapping_to_a_field_the_data_type_does_not_have_is_rejected()
    {
        var error = Assert.Throws<FerryException>(() => Mapper(new("Customer Name", "display_name"), new("E-mail", "nickname")));

        Assert.Equal(ErrorCodes.MappingInvalid, error.ErrorCode);
        Assert.Equal("nickname", error.Field);
        Assert.Contains("display_name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_a_column_the_file_does_not_have_is_rejected_and_lists_the_columns()
    {
        var error = Assert.Throws<FerryException>(() => Mapper(new FieldMapping("Party Name", "display_name")));

        Assert.Equal(ErrorCodes.MappingInvalid, error.ErrorCode);
        Assert.Contains("'Party Name'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Customer Name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_two_columns_to_one_field_is_rejected()
    {
        var error = Assert.Throws<FerryException>(() => Mapper(new("Customer Name", "display_name"), new("Type", "display_name")));

        Assert.Equal(ErrorCodes.MappingInvalid, error.ErrorCode);
        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_with_neither_column_nor_default_is_rejected() =>
        Assert.Equal(ErrorCodes.MappingInvalid,
            Assert.Throws<FerryException>(() => Mapper(new("Customer Name", "display_name"), new(null, "currency"))).ErrorCode);

    [Fact]
    public void Leaving_a_required_field_unmapped_names_the_field()
    {
        var error = Assert.Throws<FerryException>(() => Mapper(new FieldMapping("E-mail", "email")));

        Assert.Equal(ErrorCodes.RequiredFieldsMissing, error.ErrorCode);
        Assert.Contains("display_name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_rule_in_a_mapping_is_reported_when_the_mapper_is_built() =>
        Assert.Equal(ErrorCodes.MappingInvalid,
            Assert.Throws<FerryException>(() => Mapper(new FieldMapping("Customer Name", "display_name", TransformationRule: "shout"))).ErrorCode);

    [Fact]
    public void Column_names_match_ignoring_case_and_surrounding_spaces()
    {
        var mapper = RecordMapper.Create(new ContactSchema(), [" Customer Name "], [new FieldMapping("customer name", "display_name")]);

        Assert.Equal("Acme Traders", mapper.Map(Row("Acme Traders"))["display_name"]);
    }

    [Fact]
    public void Only_mapped_fields_are_written_on_update()
    {
        var mapper = Mapper(new("Customer Name", "display_name"), new("E-mail", "email"));

        Assert.Equal(new HashSet<string> { "display_name", "email" }, mapper.MappedFields);
    }

    [Fact]
    public void An_empty_required_cell_is_a_MIG003_issue_on_that_row()
    {
        var record = Mapper(new FieldMapping("Customer Name", "display_name")).Map(Row("   "));

        var issue = Assert.Single(record.Errors());
        Assert.Equal(ErrorCodes.RequiredFieldsMissing, issue.ErrorCode);
        Assert.Equal("display_name", issue.Field);
        Assert.Equal(4, issue.Row);
        Assert.Equal("row 5", issue.Location);
        Assert.Null(record.NaturalKey);
    }

    [Fact]
    public void A_field_marked_required_in_the_mapping_must_be_filled()
    {
        var record = Mapper(new("Customer Name", "display_name"), new("E-mail", "email", IsRequired: true)).Map(Row("Acme", ""));

        Assert.Equal("email", Assert.Single(record.Errors()).Field);
    }

    [Fact]
    public void Text_that_is_not_a_number_in_a_number_field_is_a_MIG004_issue_with_the_bad_value()
    {
        var record = Mapper(new("Customer Name", "display_name"), new("Credit Limit", "credit_limit")).Map(Row("Acme", null, null, null, "fifty thousand"));

        var issue = Assert.Single(record.Errors());
        Assert.Equal(ErrorCodes.ValidationFailed, issue.ErrorCode);
        Assert.Equal("credit_limit", issue.Field);
        Assert.Equal("fifty thousand", issue.Value);
    }

    [Fact]
    public void Numbers_are_read_with_a_decimal_point_whatever_the_machine_culture()
    {
        var record = Mapper(new("Customer Name", "display_name"), new("Credit Limit", "credit_limit")).Map(Row("Acme", null, null, null, "2,50,000.75"));

        Assert.Equal(250000.75m, record["credit_limit"]);
    }

    [Fact]
    public void Validation_rules_of_a_mapping_are_applied_to_the_typed_value()
    {
        var mapper = Mapper(new("Customer Name", "display_name"), new("Credit Limit", "credit_limit", ValidationRule: "min:0"));

        var issue = Assert.Single(mapper.Map(Row("Acme", null, null, null, "-5")).Errors());
        Assert.Equal(ErrorCodes.ValidationFailed, issue.ErrorCode);
        Assert.Contains("credit_limit must be at least 0", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_and_number_transformations_of_a_mapping_are_applied()
    {
        var mapper = Mapper(
            new("Customer Name", "display_name", TransformationRule: "collapse_spaces|title_case"),
            new("Credit Limit", "credit_limit", TransformationRule: "abs|round:0"));

        var record = mapper.Map(Row("  ACME   traders ", null, null, null, "(2,000.60)"));

        Assert.Equal("Acme Traders", record["display_name"]);
        Assert.Equal(2001m, record["credit_limit"]);
    }

    [Fact]
    public void A_default_fills_a_blank_cell_and_a_default_only_mapping_fills_every_row()
    {
        var mapper = Mapper(
            new("Customer Name", "display_name"),
            new("Type", "contact_type", DefaultValue: "vendor"),
            new(null, "currency", DefaultValue: "USD"));

        var record = mapper.Map(Row("Acme", null, null, null, null, ""));

        Assert.Equal("vendor", record["contact_type"]);
        Assert.Equal("USD", record["currency"]);
    }

    [Fact]
    public void A_whole_number_field_rejects_words_after_the_number()
    {
        var record = Mapper(new("Customer Name", "display_name"), new("Credit Days", "payment_terms_days")).Map(Row("Acme", null, null, null, null, null, "30 days"));

        Assert.Equal("payment_terms_days", Assert.Single(record.Errors()).Field);
    }

    [Fact]
    public void A_row_shorter_than_the_header_leaves_the_missing_cells_empty()
    {
        var record = Mapper(new("Customer Name", "display_name"), new("Credit Days", "payment_terms_days")).Map(Row("Acme"));

        Assert.False(record.HasErrors);
        Assert.Null(record["payment_terms_days"]);
    }

    [Fact]
    public void Text_longer_than_the_field_allows_is_rejected_not_cut()
    {
        var record = Mapper(new FieldMapping("Customer Name", "display_name")).Map(Row(new string('A', 201)));

        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Single(record.Errors()).ErrorCode);
        Assert.Null(record["display_name"]);
    }
}
