using Ferry.Core.Mapping;
using Ferry.Erp.Schemas;

namespace Ferry.Core.Tests.Mapping;

public sealed class MappingSuggesterTests
{
    static readonly IReadOnlyList<TargetField> ContactFields = new ContactSchema().Fields;

    static MappingSuggestion? For(IReadOnlyList<MappingSuggestion> suggestions, string column) =>
        suggestions.SingleOrDefault(s => s.SourceField == column);

    [Fact]
    public void A_column_named_exactly_like_the_field_is_certain()
    {
        var suggestion = Assert.Single(MappingSuggester.Suggest(ContactFields, ["display_name"]));

        Assert.Equal("display_name", suggestion.TargetField);
        Assert.Equal(1.0, suggestion.Confidence);
    }

    [Theory]
    [InlineData("Customer Name", "display_name")]
    [InlineData("GSTIN/UIN", "gstin")]
    [InlineData("Dr/Cr", "opening_balance_side")]
    [InlineData("Post Zip Code", "billing_pin_code")]
    [InlineData("PAN/IT No", "pan")]
    public void A_known_header_from_accounting_exports_is_suggested_with_high_confidence(string column, string field)
    {
        var suggestion = Assert.Single(MappingSuggester.Suggest(ContactFields, [column]));

        Assert.Equal(field, suggestion.TargetField);
        Assert.Equal(0.95, suggestion.Confidence);
    }

    [Fact]
    public void Punctuation_and_case_do_not_matter_when_comparing_names() =>
        Assert.Equal("email", Assert.Single(MappingSuggester.Suggest(ContactFields, ["E-MAIL ADDRESS"])).TargetField);

    [Fact]
    public void A_misspelt_header_is_suggested_with_lower_confidence()
    {
        var suggestion = Assert.Single(MappingSuggester.Suggest(ContactFields, ["Opening Balnce"]));

        Assert.Equal("opening_balance", suggestion.TargetField);
        Assert.InRange(suggestion.Confidence, 0.5, 0.9);
        Assert.StartsWith("similar to", suggestion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unhelpful_header_is_mapped_by_what_its_values_look_like()
    {
        var samples = new Dictionary<string, IReadOnlyList<string>>
        {
            ["Col 7"] = ["27AAPFU0939F1ZV", "29AAGCB7383J1Z4", "24AAACC1206D1ZM"],
            ["Col 8"] = ["ravi@example.in", "accounts@acme.co.in", ""],
        };

        var suggestions = MappingSuggester.Suggest(ContactFields, ["Col 7", "Col 8"], samples);

        Assert.Equal("gstin", For(suggestions, "Col 7")?.TargetField);
        Assert.Equal("email", For(suggestions, "Col 8")?.TargetField);
        Assert.All(suggestions, s => Assert.StartsWith("values look like", s.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Values_that_only_sometimes_look_like_e_mail_addresses_suggest_nothing()
    {
        var samples = new Dictionary<string, IReadOnlyList<string>> { ["Col 3"] = ["ravi@example.in", "call Ravi", "n/a", "-"] };

        Assert.Empty(MappingSuggester.Suggest(ContactFields, ["Col 3"], samples));
    }

    [Fact]
    public void Unrelated_and_blank_headers_get_no_suggestion() =>
        Assert.Empty(MappingSuggester.Suggest(ContactFields, ["Zzyzx", "", "  "]));

    [Fact]
    public void Each_field_and_each_column_is_suggested_at_most_once()
    {
        var suggestions = MappingSuggester.Suggest(ContactFields, ["Email", "Billing Email", "Customer Name", "Name"]);

        Assert.Equal("Email", Assert.Single(suggestions, s => s.TargetField == "email").SourceField);
        Assert.Single(suggestions, s => s.TargetField == "display_name");
        Assert.Equal(suggestions.Count, suggestions.Select(s => s.SourceField).Distinct().Count());
    }

    [Fact]
    public void A_Zoho_contacts_export_header_maps_its_main_columns()
    {
        string[] columns =
        [
            "First Name", "Middle Name", "Last Name", "Contact Type", "Organization Name", "PO Box Number", "Email", "Telephone",
            "Mobile Number", "Address Line 1", "Address Line 2", "Address Line 3", "Country", "State Region", "City", "Post Zip Code",
            "Billing Email", "Contract PO Number", "Contract PO Number (2)", "Currency",
        ];

        var suggestions = MappingSuggester.Suggest(ContactFields, columns);

        var expected = new Dictionary<string, string>
        {
            ["Contact Type"] = "contact_type",
            ["Organization Name"] = "company_name",
            ["Email"] = "email",
            ["Telephone"] = "phone",
            ["Mobile Number"] = "mobile",
            ["Address Line 1"] = "billing_line1",
            ["Address Line 2"] = "billing_line2",
            ["Country"] = "billing_country",
            ["State Region"] = "billing_state",
            ["City"] = "billing_city",
            ["Post Zip Code"] = "billing_pin_code",
            ["Currency"] = "currency",
        };
        Assert.All(expected, pair => Assert.Equal(pair.Value, For(suggestions, pair.Key)?.TargetField));
    }

    [Fact]
    public void Suggestions_come_in_the_order_of_the_target_fields()
    {
        var suggestions = MappingSuggester.Suggest(ContactFields, ["Currency", "GSTIN", "Customer Name"]);

        Assert.Equal(["display_name", "gstin", "currency"], suggestions.Select(s => s.TargetField));
    }

    [Fact]
    public void Nested_JSON_address_keys_map_to_the_billing_and_shipping_fields_they_name()
    {
        var suggestions = MappingSuggester.Suggest(ContactFields,
            ["contact_name", "billing_address.city", "billing_address.state", "shipping_address.city", "shipping_address.zip"]);

        Assert.Equal("billing_city", For(suggestions, "billing_address.city")?.TargetField);
        Assert.Equal("billing_state", For(suggestions, "billing_address.state")?.TargetField);
        Assert.Equal("shipping_city", For(suggestions, "shipping_address.city")?.TargetField);
        Assert.Equal("shipping_pin_code", For(suggestions, "shipping_address.zip")?.TargetField);
    }

    [Fact]
    public void A_parent_s_field_in_child_rows_maps_by_the_parent_in_the_singular()
    {
        var suggestions = MappingSuggester.Suggest(new StockSchema().Fields,
            ["_parent", "warehouse_name", "warehouse_stock_on_hand", "items.sku", "items.name"]);

        Assert.Equal("product_sku", For(suggestions, "items.sku")?.TargetField);
        Assert.Equal("quantity", For(suggestions, "warehouse_stock_on_hand")?.TargetField);
        Assert.Equal("warehouse_name", For(suggestions, "warehouse_name")?.TargetField);
        Assert.Null(For(suggestions, "items.name"));
    }
}
