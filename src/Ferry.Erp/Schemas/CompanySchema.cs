using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Core.Mapping;
using Ferry.Core.Pipeline;
using Ferry.Core.Rules;
using Ferry.Erp.Model;

namespace Ferry.Erp.Schemas;

/// <summary>The organization's own company profile; there is one, so every record has the same key.</summary>
public sealed class CompanySchema : ErpSchema
{
    public const string Key = "COMPANY";

    public override string DataType => DataTypes.Company;

    public override Type EntityType => typeof(CompanyProfile);

    public override IReadOnlyDictionary<string, string[]> DerivedFields { get; } = new Dictionary<string, string[]>
    {
        ["pan"] = ["gstin"],
        ["state_code"] = ["gstin"],
    };

    public override IReadOnlyList<TargetField> Fields { get; } =
    [
        new("name", FieldType.String, "Company name", Required: true, MaxLength: 200, Synonyms: ["Company Name", "Name", "Business Name", "Organization Name", "Company"]),
        new("legal_name", FieldType.String, "Registered legal name", MaxLength: 200, Synonyms: ["Legal Name", "Registered Name", "Mailing Name"]),
        new("gstin", FieldType.String, "GSTIN", MaxLength: 15, Pattern: "gstin", Synonyms: ["GSTIN", "GST Number", "GSTIN/UIN", "GST No"]),
        new("pan", FieldType.String, "PAN", MaxLength: 10, Pattern: "pan", Synonyms: ["PAN", "PAN Number", "Income Tax Number"]),
        new("state_code", FieldType.String, "GST state code", MaxLength: 2, Synonyms: ["State Code"]),
        new("address_line1", FieldType.String, "Address, first line", MaxLength: 300, Synonyms: ["Address", "Address Line 1", "Street"]),
        new("address_line2", FieldType.String, "Address, second line", MaxLength: 300, Synonyms: ["Address Line 2"]),
        new("city", FieldType.String, "City", MaxLength: 100, Synonyms: ["City", "Town"]),
        new("state", FieldType.String, "State", MaxLength: 100, Synonyms: ["State", "State Name"]),
        new("pin_code", FieldType.String, "PIN code", MaxLength: 20, Pattern: "pin_code", Synonyms: ["PIN", "PIN Code", "Pincode", "Postal Code", "Zip"]),
        new("country", FieldType.String, "Country", MaxLength: 100, Synonyms: ["Country"]),
        new("phone", FieldType.String, "Phone", MaxLength: 40, Synonyms: ["Phone", "Telephone", "Mobile", "Contact Number"]),
        new("email", FieldType.String, "E-mail", MaxLength: 254, Pattern: "email", Synonyms: ["Email", "E-mail", "Email Address"]),
        new("website", FieldType.String, "Web site", MaxLength: 200, Synonyms: ["Website", "Web Site", "URL"]),
        new("base_currency", FieldType.String, "Base currency", MaxLength: 40, Synonyms: ["Currency", "Base Currency"]),
        new("financial_year_start", FieldType.Date, "First day of the financial year", Synonyms: ["Financial Year Start", "Financial Year From", "FY Start", "Financial Year Beginning"]),
        new("books_begin_from", FieldType.Date, "Date the books begin", Synonyms: ["Books Begin From", "Books Beginning From", "Books Start"]),
    ];

    public override void Complete(MappedRecord record)
    {
        UpperNoSpaces(record, "gstin");
        UpperNoSpaces(record, "pan");
        var gstin = record.GetString("gstin");
        if (gstin is not null && !IndianIdentifiers.IsValidGstin(gstin))
        {
            record.AddError("gstin", ErrorCodes.ValidationFailed, $"gstin '{gstin}' is not a valid GSTIN", gstin);
        }
        else if (gstin is not null)
        {
            record["pan"] ??= gstin[2..12];
            record["state_code"] ??= gstin[..2];
        }
        if (record.GetString("pan") is { } pan && !IndianIdentifiers.IsValidPan(pan))
        {
            record.AddError("pan", ErrorCodes.ValidationFailed, $"pan '{pan}' is not a valid PAN", pan);
        }
        var currencyText = record.GetString("base_currency");
        var currency = Currencies.Normalize(currencyText);
        if (currencyText is not null && currency is null)
        {
            record.AddError("base_currency", ErrorCodes.ValidationFailed, $"base_currency '{currencyText}' is not a 3-letter currency code", currencyText);
        }
        record["base_currency"] = currency ?? "INR";
    }

    public override string NaturalKey(MappedRecord record) => Key;

    public override string Describe(MappedRecord record) => record.GetString("name") ?? "(company)";

    public override void MakeDistinct(MappedRecord record, int attempt) =>
        throw new FerryException(ErrorCodes.ValidationFailed, "An organization has one company profile; use conflict strategy 'update' or 'skip'.");
}
