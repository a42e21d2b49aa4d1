using Ferry.Core.Values;
using Ferry.Testing;

namespace Ferry.Core.Tests.Values;

[UseCulture("de-DE")]
public sealed class IdentifierTextTestsInGermanCulture : IdentifierTextTests;

public class IdentifierTextTests
{
    [Theory]
    [InlineData("007", true)]
    [InlineData("040001", true)]
    [InlineData("00", true)]
    [InlineData("0", false)]
    [InlineData("700", false)]
    [InlineData("0.5", false)]
    [InlineData("0A1", false)]
    public void Leading_zeros_are_digits_opening_with_a_zero(string value, bool expected) =>
        Assert.Equal(expected, IdentifierText.HasLeadingZeros(value));

    [Theory]
    [InlineData("1234567890123456789", true)]
    [InlineData("1234567890123456", true)]
    [InlineData("123456789012345", false)]
    [InlineData("1234567890.123456", false)]
    public void More_than_fifteen_digits_is_more_than_a_spreadsheet_number_keeps(string value, bool expected) =>
        Assert.Equal(expected, IdentifierText.HasMoreThanFifteenDigits(value));

    [Theory]
    [InlineData("27AAPFU0939F1ZV", true)]
    [InlineData("27aapfu0939f1zv", true)]
    [InlineData(" 29AAGCB7383J1Z4 ", true)]
    [InlineData("27AAPFU0939F1ZW", false)]
    [InlineData("AAPFU0939F", false)]
    public void GSTIN_is_recognised_by_its_shape_and_check_character(string value, bool expected) =>
        Assert.Equal(expected, IdentifierText.IsGstin(value));

    [Theory]
    [InlineData("AAPFU0939F", true)]
    [InlineData("aapfu0939f", true)]
    [InlineData("AAPF10939F", false)]
    public void PAN_is_five_letters_four_digits_and_a_letter(string value, bool expected) =>
        Assert.Equal(expected, IdentifierText.IsPan(value));

    [Theory]
    [InlineData("400001", true)]
    [InlineData("400 001", true)]
    [InlineData("560034", true)]
    [InlineData("040001", false)]
    [InlineData("40001", false)]
    [InlineData("4000012", false)]
    [InlineData("40 0001", false)]
    public void PIN_code_is_six_digits_not_opening_with_zero(string value, bool expected) =>
        Assert.Equal(expected, IdentifierText.IsPinCode(value));

    [Theory]
    [InlineData("9876543210", true)]
    [InlineData("6123456789", true)]
    [InlineData("+91 98765 43210", true)]
    [InlineData("+91-9876543210", true)]
    [InlineData("09876543210", true)]
    [InlineData("919876543210", true)]
    [InlineData("98765-43210", true)]
    [InlineData("022-24567890", true)]
    [InlineData("(022) 2456 7890", true)]
    [InlineData("080 4123 4567", true)]
    [InlineData("+91 80 4123 4567", true)]
    [InlineData("5876543210", false)]
    [InlineData("98765432101", false)]
    [InlineData("2224567890", false)]
    [InlineData("+1 415 555 0100", false)]
    [InlineData("12345", false)]
    [InlineData("98765 4321a", false)]
    public void Indian_mobile_and_landline_numbers_are_phones(string value, bool expected) =>
        Assert.Equal(expected, IdentifierText.IsIndianPhone(value));

    [Theory]
    [InlineData("3922.10.00", true)]
    [InlineData("8471.30.10", true)]
    [InlineData("998314", true)]
    [InlineData("3922.10", false)]
    [InlineData("392210", false)]
    [InlineData("1234.56", false)]
    public void HSN_codes_with_dots_and_SAC_codes_are_recognised(string value, bool expected) =>
        Assert.Equal(expected, IdentifierText.IsHsnOrSac(value));

    [Theory]
    [InlineData("HDFC0001234", true)]
    [InlineData("SBIN0ABC123", true)]
    [InlineData("hdfc0001234", true)]
    [InlineData("HDFC1001234", false)]
    [InlineData("HDFC000123", false)]
    public void IFSC_is_bank_code_zero_and_branch_code(string value, bool expected) =>
        Assert.Equal(expected, IdentifierText.IsIfsc(value));

    [Theory]
    [InlineData("accounts@example.com", true)]
    [InlineData("first.last@mail.example.co.in", true)]
    [InlineData("a@b", false)]
    [InlineData("@example.com", false)]
    [InlineData("a b@example.com", false)]
    [InlineData("a@@example.com", false)]
    [InlineData("a@example..com", false)]
    [InlineData("Rahul <rahul@example.com>", false)]
    public void Email_is_a_name_at_a_dotted_domain(string value, bool expected) =>
        Assert.Equal(expected, IdentifierText.IsEmail(value));
}
