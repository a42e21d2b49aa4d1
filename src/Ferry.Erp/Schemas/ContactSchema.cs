using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Core.Mapping;
using Ferry.Core.Pipeline;
using Ferry.Core.Rules;
using Ferry.Core.Values;
using Ferry.Erp.Model;

namespace Ferry.Erp.Schemas;

/// <summary>Customers and vendors: keyed by display name + GSTIN.</summary>
public sealed class ContactSchema : ErpSchema
{
    static readonly ValidationRule EmailRule = new("email", null);

    public override string DataType => DataTypes.Contacts;

    public override Type EntityType => typeof(Contact);

    public override IReadOnlyDictionary<string, string[]> DerivedFields { get; } = new Dictionary<string, string[]>
    {
        ["opening_balance_side"] = ["opening_balance"],
        ["pan"] = ["gstin"],
        ["place_of_supply"] = ["gstin"],
        ["gst_treatment"] = ["gstin"],
    };

    public override IReadOnlyList<TargetField> Fields { get; } =
    [
        new("display_name", FieldType.String, "Name the contact is shown and searched by", Required: true, MaxLength: 200,
            Synonyms: ["Display Name", "Customer Name", "Vendor Name", "Supplier Name", "Contact Name", "Party Name", "Name", "Customer", "Vendor", "Supplier", "Party", "Ledger Name", "Account Name"]),
        new("contact_type", FieldType.String, "customer, vendor or both", MaxLength: 20,
            Synonyms: ["Contact Type", "Type", "Party Type", "Customer Type", "Category"]),
        new("company_name", FieldType.String, "Legal or trading name of the business", MaxLength: 200,
            Synonyms: ["Company Name", "Company", "Organization Name", "Organisation Name", "Business Name", "Firm Name"]),
        new("contact_person", FieldType.String, "Person to talk to", MaxLength: 200,
            Synonyms: ["Contact Person", "Primary Contact", "Contact", "Attention", "Person"]),
        new("email", FieldType.String, "E-mail address", MaxLength: 254, Pattern: "email",
            Synonyms: ["Email", "E-mail", "Email Address", "Email ID", "EmailID", "Mail", "E-mail Address", "Billing Email"]),
        new("phone", FieldType.String, "Landline or main phone", MaxLength: 40, Pattern: "phone",
            Synonyms: ["Phone", "Telephone", "Phone Number", "Work Phone", "Telephone Number", "Contact Number", "Landline", "Tel"]),
        new("mobile", FieldType.String, "Mobile number", MaxLength: 40, Pattern: "phone",
            Synonyms: ["Mobile", "Mobile Number", "Mobile Phone", "Mobile No", "Cell", "Cell Phone", "WhatsApp"]),
        new("website", FieldType.String, "Web site", MaxLength: 200, Synonyms: ["Website", "Web Site", "URL", "Web"]),
        new("gstin", FieldType.String, "GST identification number (15 characters)", MaxLength: 15, Pattern: "gstin",
            Synonyms: ["GSTIN", "GST Number", "GST No", "GSTIN/UIN", "GST Identification Number", "GST Registration Number", "GSTIN Number", "GST"]),
        new("gst_treatment", FieldType.String, "GST registration type: regular, composition, unregistered, consumer, overseas, sez", MaxLength: 30,
            Synonyms: ["GST Treatment", "Registration Type", "GST Registration Type", "GST Type"]),
        new("pan", FieldType.String, "Permanent account number (10 characters)", MaxLength: 10, Pattern: "pan",
            Synonyms: ["PAN", "PAN Number", "PAN No", "Income Tax Number", "PAN/IT No"]),
        new("place_of_supply", FieldType.String, "GST state code of the place of supply", MaxLength: 40,
            Synonyms: ["Place of Supply", "Place Of Supply", "POS", "State Code"]),
        new("billing_line1", FieldType.String, "Billing address, first line", MaxLength: 300,
            Synonyms: ["Address", "Address Line 1", "Address1", "Billing Address", "Billing Street", "Street", "Billing Address Line 1", "Address 1"]),
        new("billing_line2", FieldType.String, "Billing address, second line", MaxLength: 300,
            Synonyms: ["Address Line 2", "Address2", "Billing Street2", "Billing Address Line 2", "Address 2", "Street 2"]),
        new("billing_city", FieldType.String, "Billing city", MaxLength: 100, Synonyms: ["City", "Billing City", "Town", "City/Town"]),
        new("billing_state", FieldType.String, "Billing state", MaxLength: 100, Synonyms: ["State", "Billing State", "State Region", "Province", "Region", "State Name"]),
        new("billing_pin_code", FieldType.String, "Billing PIN or postal code", MaxLength: 20, Pattern: "pin_code",
            Synonyms: ["PIN", "PIN Code", "Pincode", "Pin", "Zip", "Zip Code", "Postal Code", "Post Code", "Billing Code", "Post Zip Code", "Billing Zip"]),
        new("billing_country", FieldType.String, "Billing country", MaxLength: 100, Synonyms: ["Country", "Billing Country", "Country/Region"]),
        new("shipping_line1", FieldType.String, "Shipping address, first line", MaxLength: 300, Synonyms: ["Shipping Address", "Shipping Street", "Shipping Address Line 1", "Delivery Address"]),
        new("shipping_line2", FieldType.String, "Shipping address, second line", MaxLength: 300, Synonyms: ["Shipping Street2", "Shipping Address Line 2"]),
        new("shipping_city", FieldType.String, "Shipping city", MaxLength: 100, Synonyms: ["Shipping City", "Delivery City"]),
        new("shipping_state", FieldType.String, "Shipping state", MaxLength: 100, Synonyms: ["Shipping State", "Delivery State"]),
        new("shipping_pin_code", FieldType.String, "Shipping PIN or postal code", MaxLength: 20, Synonyms: ["Shipping Code", "Shipping PIN Code", "Shipping Zip", "Shipping Pincode"]),
        new("shipping_country", FieldType.String, "Shipping country", MaxLength: 100, Synonyms: ["Shipping Country"]),
        new("opening_balance", FieldType.Decimal, "Opening balance; '1,18,000 Cr' marks the side, a negative amount is on the side opposite to the usual one", 
            Synonyms: ["Opening Balance", "Opening Bal", "Opening Balance (INR)", "Balance", "Outstanding", "Opening", "Op Balance", "Opening Amount"]),
        new("opening_balance_side", FieldType.String, "Dr or Cr, when the file has a separate column for it", MaxLength: 10,
            Synonyms: ["Dr/Cr", "Dr Cr", "Balance Type", "Opening Balance Type", "Side", "Debit/Credit"]),
        new("credit_limit", FieldType.Decimal, "Credit limit", Synonyms: ["Credit Limit", "Credit Amount"]),
        new("payment_terms_days", FieldType.Integer, "Days of credit", Synonyms: ["Payment Terms", "Credit Period", "Credit Days", "Payment Terms (Days)", "Terms"]),
        new("currency", FieldType.String, "ISO currency code, INR by default", MaxLength: 40, Synonyms: ["Currency", "Currency Code"]),
        new("notes", FieldType.String, "Free notes", MaxLength: 2000, Synonyms: ["Notes", "Remarks", "Comments", "Description", "Note"]),
    ];

    public override void Complete(MappedRecord record)
    {
        var type = NormalizeType(record.GetString("contact_type"));
        if (type is null)
        {
            record.AddError("contact_type", ErrorCodes.ValidationFailed,
                $"contact_type '{record.GetString("contact_type")}' must be customer, vendor or both", record.GetString("contact_type"));
            return;
        }
        record["contact_type"] = type;

        if (record.GetString("email") is { } email)
        {
            email = email.Trim();
            record["email"] = email;
            if (EmailRule.Check(email, email) is { } problem)
            {
                record.AddError("email", ErrorCodes.ValidationFailed, $"email {problem}", email);
            }
        }

        UpperNoSpaces(record, "gstin");
        UpperNoSpaces(record, "pan");
        var gstin = record.GetString("gstin");
        if (gstin is not null && !IndianIdentifiers.IsValidGstin(gstin))
        {
            record.AddError("gstin", ErrorCodes.ValidationFailed,
                $"gstin '{gstin}' is not a valid GSTIN (2-digit state code, PAN, entity number, 'Z', check character)", gstin);
        }
        if (record.GetString("pan") is { } pan)
        {
            if (!IndianIdentifiers.IsValidPan(pan))
            {
                record.AddError("pan", ErrorCodes.ValidationFailed, $"pan '{pan}' is not a valid PAN (5 letters, 4 digits, 1 letter)", pan);
            }
            else if (gstin is { Length: 15 } && gstin[2..12] != pan)
            {
                record.AddWarning("pan", ErrorCodes.ValidationFailed, $"pan '{pan}' differs from the PAN inside the GSTIN ({gstin[2..12]})", pan);
            }
        }
        else if (gstin is not null && IndianIdentifiers.IsValidGstin(gstin))
        {
            record["pan"] = gstin[2..12];
        }
        if (record.GetString("place_of_supply") is null && IndianIdentifiers.StateCodeOfGstin(gstin) is { } stateCode)
        {
            record["place_of_supply"] = stateCode;
        }
        if (record.GetString("gst_treatment") is null && gstin is not null)
        {
            record["gst_treatment"] = "regular";
        }

        WarnIfScientific(record, "phone");
        WarnIfScientific(record, "mobile");

        var currencyText = record.GetString("currency");
        var currency = Currencies.Normalize(currencyText);
        if (currencyText is not null && currency is null)
        {
            record.AddError("currency", ErrorCodes.ValidationFailed, $"currency '{currencyText}' is not a 3-letter currency code such as INR", currencyText);
        }
        record["currency"] = currency ?? "INR";

        BalanceFields.Complete(record, type == "vendor" ? BalanceSide.Cr : BalanceSide.Dr);
    }

    public override string NaturalKey(MappedRecord record) =>
        NaturalKeys.Join(record.GetString("display_name"), record.GetString("gstin"));

    public override string Describe(MappedRecord record) => record.GetString("display_name") ?? "(no name)";

    public override void MakeDistinct(MappedRecord record, int attempt) =>
        record["display_name"] = $"{record.GetString("display_name")} ({attempt + 1})";

    static string? NormalizeType(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" => "customer",
        "CUSTOMER" or "CUSTOMERS" or "CLIENT" or "DEBTOR" or "SUNDRY DEBTORS" or "BUYER" => "customer",
        "VENDOR" or "VENDORS" or "SUPPLIER" or "SUPPLIERS" or "CREDITOR" or "SUNDRY CREDITORS" or "SELLER" => "vendor",
        "BOTH" or "CUSTOMER/VENDOR" or "CUSTOMER & VENDOR" or "CUSTOMER AND VENDOR" => "both",
        _ => null,
    };
}
