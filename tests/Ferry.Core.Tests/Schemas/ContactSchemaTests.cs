using Ferry.Core.Pipeline;
using Ferry.Erp.Schemas;
using Ferry.Testing;

namespace Ferry.Core.Tests.Schemas;

[UseCulture("de-DE")]
public sealed class ContactSchemaTests
{
    static MappedRecord Contact(params (string Header, string Field, string? Value)[] cells) =>
        SingleRow.Map(new ContactSchema(), [("Customer Name", "display_name", "Acme Traders"), .. cells]);

    [Theory]
    [InlineData("Supplier", "vendor")]
    [InlineData("Sundry Creditors", "vendor")]
    [InlineData("Customer", "customer")]
    [InlineData("CLIENT", "customer")]
    [InlineData("Both", "both")]
    [InlineData("", "customer")]
    public void Contact_type_is_normalised_from_the_words_accounting_exports_use(string text, string expected) =>
        Assert.Equal(expected, Contact(("Contact Type", "contact_type", text))["contact_type"]);

    [Fact]
    public void An_unknown_contact_type_is_an_error_on_that_field()
    {
        var issue = Assert.Single(Contact(("Contact Type", "contact_type", "Alien")).Errors());

        Assert.Equal(ErrorCodes.ValidationFailed, issue.ErrorCode);
        Assert.Equal("contact_type", issue.Field);
    }

    [Fact]
    public void An_invalid_email_is_an_error_and_the_record_gets_no_key()
    {
        var record = Contact(("E-mail", "email", "accounts at acme.in"));

        Assert.Equal("email", Assert.Single(record.Errors()).Field);
        Assert.Null(record.NaturalKey);
    }

    [Fact]
    public void A_valid_GSTIN_in_lower_case_is_cleaned_and_gives_PAN_place_of_supply_and_treatment()
    {
        var record = Contact(("GSTIN", "gstin", "27aapfu0939f1zv"));

        Assert.Empty(record.Errors());
        Assert.Equal("27AAPFU0939F1ZV", record["gstin"]);
        Assert.Equal("AAPFU0939F", record["pan"]);
        Assert.Equal("27", record["place_of_supply"]);
        Assert.Equal("regular", record["gst_treatment"]);
    }

    [Fact]
    public void A_GSTIN_written_in_groups_with_spaces_is_accepted_without_them()
    {
        var record = Contact(("GSTIN", "gstin", "27 AAPFU 0939F 1ZV"));

        Assert.Empty(record.Errors());
        Assert.Equal("27AAPFU0939F1ZV", record["gstin"]);
    }

    [Fact]
    public void A_GSTIN_with_a_wrong_check_character_is_an_error()
    {
        var record = Contact(("GSTIN", "gstin", "27AAPFU0939F1ZX"));

        var issue = Assert.Single(record.Errors());
        Assert.Equal("gstin", issue.Field);
        Assert.Equal("27AAPFU0939F1ZX", issue.Value);
    }

    [Fact]
    public void A_PAN_that_differs_from_the_GSTIN_is_only_a_warning()
    {
        var record = Contact(("GSTIN", "gstin", "27AAPFU0939F1ZV"), ("PAN", "pan", "ABCDE1234F"));

        Assert.False(record.HasErrors);
        Assert.Equal("pan", Assert.Single(record.Warnings()).Field);
        Assert.Equal("ABCDE1234F", record["pan"]);
    }

    [Theory]
    [InlineData("Supplier", "5,000", 5000, "Cr")]
    [InlineData("Customer", "5,000", 5000, "Dr")]
    [InlineData("Customer", "1,18,000 Cr", 118000, "Cr")]
    [InlineData("Supplier", "1,18,000.00 Dr", 118000, "Dr")]
    [InlineData("Customer", "-2,500", 2500, "Cr")]
    [InlineData("Supplier", "-2,500", 2500, "Dr")]
    [InlineData("Customer", "(750.50)", 750.50, "Cr")]
    [InlineData("Customer", "", 0, "Dr")]
    public void Opening_balance_becomes_a_positive_amount_and_a_side(string type, string balance, double amount, string side)
    {
        var record = Contact(("Type", "contact_type", type), ("Opening Balance", "opening_balance", balance));

        Assert.Empty(record.Errors());
        Assert.Equal((decimal)amount, record["opening_balance"]);
        Assert.Equal(side, record["opening_balance_side"]);
    }

    [Fact]
    public void A_separate_Dr_Cr_column_decides_the_side()
    {
        var record = Contact(("Type", "contact_type", "Supplier"), ("Opening Balance", "opening_balance", "1,200"), ("Dr/Cr", "opening_balance_side", "Dr"));

        Assert.Equal("Dr", record["opening_balance_side"]);
        Assert.Equal(1200m, record["opening_balance"]);
    }

    [Fact]
    public void A_Dr_Cr_column_with_another_word_is_an_error()
    {
        var record = Contact(("Opening Balance", "opening_balance", "1,200"), ("Dr/Cr", "opening_balance_side", "sideways"));

        Assert.Equal("opening_balance_side", Assert.Single(record.Errors()).Field);
    }

    [Fact]
    public void Rounding_rule_on_the_opening_balance_is_kept()
    {
        var mapper = RecordMapper.Create(new ContactSchema(), ["Customer Name", "Opening Balance"],
            [new("Customer Name", "display_name"), new("Opening Balance", "opening_balance", TransformationRule: "round:0")]);

        var record = mapper.Map(new(1, "row 2", ["Acme", "1,234.56"]));

        Assert.Equal(1235m, record["opening_balance"]);
    }

    [Theory]
    [InlineData("Indian Rupee - INR", "INR")]
    [InlineData("inr", "INR")]
    [InlineData("₹", "INR")]
    [InlineData("US Dollar - USD", "USD")]
    [InlineData("", "INR")]
    public void Currency_is_read_as_an_ISO_code_and_defaults_to_rupees(string text, string expected) =>
        Assert.Equal(expected, Contact(("Currency", "currency", text))["currency"]);

    [Fact]
    public void A_currency_without_a_code_is_an_error() =>
        Assert.Equal("currency", Assert.Single(Contact(("Currency", "currency", "Rupees")).Errors()).Field);

    [Fact]
    public void A_phone_number_a_spreadsheet_turned_into_scientific_notation_is_warned_about_not_rejected()
    {
        var record = Contact(("Mobile Number", "mobile", "9.19E+11"), ("Telephone", "phone", "2452223456"));

        Assert.False(record.HasErrors);
        var warning = Assert.Single(record.Warnings());
        Assert.Equal("mobile", warning.Field);
        Assert.Contains("scientific notation", warning.Message, StringComparison.Ordinal);
        Assert.Equal("9.19E+11", record["mobile"]);
    }

    [Fact]
    public void Natural_key_is_the_normalised_name_and_the_GSTIN()
    {
        var record = SingleRow.Map(new ContactSchema(), ("Customer Name", "display_name", "  acme   traders "), ("GSTIN", "gstin", "27aapfu0939f1zv"));

        Assert.Equal("ACME TRADERS|27AAPFU0939F1ZV", record.NaturalKey);
    }

    [Fact]
    public void Two_spellings_of_one_unregistered_party_share_a_key()
    {
        var first = SingleRow.Map(new ContactSchema(), ("Customer Name", "display_name", "Shree Ganesh  Stores"));
        var second = SingleRow.Map(new ContactSchema(), ("Customer Name", "display_name", "SHREE GANESH STORES"));

        Assert.Equal("SHREE GANESH STORES|", first.NaturalKey);
        Assert.Equal(first.NaturalKey, second.NaturalKey);
    }

    [Fact]
    public void A_Zoho_contact_row_imports_cleanly()
    {
        var record = SingleRow.Map(new ContactSchema(),
            ("Organization Name", "display_name", "Alif"),
            ("Contact Type", "contact_type", "Both"),
            ("Email", "email", "Shoaibfarooqui82@gmail.com"),
            ("Telephone", "phone", "2452223456"),
            ("Address Line 1", "billing_line1", "House no. 123"),
            ("City", "billing_city", "Parbhani"),
            ("State Region", "billing_state", "Maharashtra"),
            ("Post Zip Code", "billing_pin_code", "431401"),
            ("Currency", "currency", "Indian Rupee - INR"));

        Assert.False(record.HasErrors);
        Assert.Equal("both", record["contact_type"]);
        Assert.Equal("INR", record["currency"]);
        Assert.Equal("Dr", record["opening_balance_side"]);
        Assert.Equal("ALIF|", record.NaturalKey);
    }
}
