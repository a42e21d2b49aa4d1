using Ferry.Core.Rules;

namespace Ferry.Core.Tests.Rules;

public sealed class IndianIdentifiersTests
{
    [Theory]
    [InlineData("27AAPFU0939F1ZV")]
    [InlineData("29AAGCB7383J1Z4")]
    [InlineData("24AAACC1206D1ZM")]
    public void Real_GSTINs_with_correct_check_characters_are_valid(string gstin) =>
        Assert.True(IndianIdentifiers.IsValidGstin(gstin));

    [Fact]
    public void Check_character_is_computed_from_the_first_fourteen_characters() =>
        Assert.Equal('V', IndianIdentifiers.GstinCheckDigit("27AAPFU0939F1Z"));

    [Theory]
    [InlineData("27AAPFU0939F1ZW")]
    [InlineData("27aapfu0939f1zv")]
    [InlineData("27AAPFU0939F1Z")]
    [InlineData("27AAPFU0939F1ZVX")]
    [InlineData("2AAAPFU0939F1ZV")]
    [InlineData("27AAPF10939F1ZV")]
    [InlineData("")]
    public void Mistyped_GSTINs_are_invalid(string gstin) =>
        Assert.False(IndianIdentifiers.IsValidGstin(gstin));

    [Theory]
    [InlineData("AAPFU0939F", true)]
    [InlineData("aapfu0939f", false)]
    [InlineData("AAPF10939F", false)]
    [InlineData("AAPFU09391", false)]
    [InlineData("AAPFU0939", false)]
    public void PAN_is_five_letters_four_digits_one_letter(string pan, bool valid) =>
        Assert.Equal(valid, IndianIdentifiers.IsValidPan(pan));

    [Theory]
    [InlineData("400001", true)]
    [InlineData("040001", false)]
    [InlineData("40001", false)]
    [InlineData("4000 01", false)]
    public void PIN_code_is_six_digits_not_starting_with_zero(string pin, bool valid) =>
        Assert.Equal(valid, IndianIdentifiers.IsValidPinCode(pin));

    [Theory]
    [InlineData("HDFC0001234", true)]
    [InlineData("SBIN0ABC123", true)]
    [InlineData("HDFC1001234", false)]
    [InlineData("HDFC000123", false)]
    [InlineData("hdfc0001234", false)]
    public void IFSC_is_bank_code_zero_and_branch_code(string ifsc, bool valid) =>
        Assert.Equal(valid, IndianIdentifiers.IsValidIfsc(ifsc));
}
