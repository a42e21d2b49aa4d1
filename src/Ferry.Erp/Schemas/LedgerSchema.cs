using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Core.Mapping;
using Ferry.Core.Pipeline;
using Ferry.Core.Rules;
using Ferry.Core.Values;
using Ferry.Erp.Model;

namespace Ferry.Erp.Schemas;

/// <summary>Chart of accounts: ledgers keyed by name, placed under an account group by the group's name.</summary>
public sealed class LedgerSchema : ErpSchema
{
    static readonly string[] CreditGroups =
    [
        "CAPITAL ACCOUNT", "LOANS (LIABILITY)", "CURRENT LIABILITIES", "SUNDRY CREDITORS", "DUTIES & TAXES", "PROVISIONS",
        "RESERVES & SURPLUS", "SECURED LOANS", "UNSECURED LOANS", "BANK OD A/C", "SALES ACCOUNTS", "DIRECT INCOMES", "INDIRECT INCOMES",
    ];

    public override string DataType => DataTypes.Ledgers;

    public override Type EntityType => typeof(Ledger);

    public override IReadOnlyDictionary<string, string[]> DerivedFields { get; } = new Dictionary<string, string[]>
    {
        ["opening_balance_side"] = ["opening_balance", "group_name"],
    };

    public override IReadOnlyList<ErpReference> References { get; } =
        [new ErpReference("group_name", "group_id", typeof(AccountGroup), Required: false)];

    public override IReadOnlyList<TargetField> Fields { get; } =
    [
        new("name", FieldType.String, "Ledger name", Required: true, MaxLength: 200,
            Synonyms: ["Ledger Name", "Account Name", "Name", "Ledger", "Account", "Particulars"]),
        new("alias", FieldType.String, "Alternative name or account code", MaxLength: 200, Synonyms: ["Alias", "Account Code", "Code", "Ledger Alias"]),
        new("group_name", FieldType.String, "Account group the ledger is under, e.g. Sundry Debtors", MaxLength: 200,
            Synonyms: ["Group", "Under", "Parent Group", "Group Name", "Account Group", "Parent Account", "Account Type", "Parent"]),
        new("opening_balance", FieldType.Decimal, "Opening balance; '1,18,000 Cr' marks the side, a negative amount is on the side opposite to the group's usual one",
            Synonyms: ["Opening Balance", "Opening Bal", "Balance", "Opening", "Op Balance", "Opening Amount"]),
        new("opening_balance_side", FieldType.String, "Dr or Cr, when the file has a separate column for it", MaxLength: 10,
            Synonyms: ["Dr/Cr", "Dr Cr", "Balance Type", "Opening Balance Type", "Side", "Debit/Credit"]),
        new("gstin", FieldType.String, "GSTIN of the party", MaxLength: 15, Pattern: "gstin", Synonyms: ["GSTIN", "GST Number", "GSTIN/UIN", "GST No"]),
        new("pan", FieldType.String, "PAN of the party", MaxLength: 10, Pattern: "pan", Synonyms: ["PAN", "PAN Number", "PAN No"]),
        new("state", FieldType.String, "State", MaxLength: 100, Synonyms: ["State", "State Name"]),
        new("gst_rate", FieldType.Decimal, "GST rate of a tax ledger in percent", Synonyms: ["GST Rate", "Tax Rate", "Rate of Tax"]),
        new("bank_account_number", FieldType.String, "Bank account number", MaxLength: 40, Synonyms: ["Account Number", "Bank Account Number", "A/c No", "Account No"]),
        new("ifsc", FieldType.String, "IFSC of the bank branch", MaxLength: 11, Pattern: "ifsc", Synonyms: ["IFSC", "IFSC Code", "IFS Code"]),
        new("currency", FieldType.String, "ISO currency code, INR by default", MaxLength: 40, Synonyms: ["Currency", "Currency Code"]),
    ];

    public override void Complete(MappedRecord record)
    {
        UpperNoSpaces(record, "gstin");
        UpperNoSpaces(record, "pan");
        UpperNoSpaces(record, "ifsc");
        if (record.GetString("gstin") is { } gstin && !IndianIdentifiers.IsValidGstin(gstin))
        {
            record.AddError("gstin", ErrorCodes.ValidationFailed, $"gstin '{gstin}' is not a valid GSTIN", gstin);
        }
        if (record.GetString("pan") is { } pan && !IndianIdentifiers.IsValidPan(pan))
        {
            record.AddError("pan", ErrorCodes.ValidationFailed, $"pan '{pan}' is not a valid PAN", pan);
        }
        if (record.GetString("ifsc") is { } ifsc && !IndianIdentifiers.IsValidIfsc(ifsc))
        {
            record.AddError("ifsc", ErrorCodes.ValidationFailed, $"ifsc '{ifsc}' is not a valid IFSC", ifsc);
        }
        var currencyText = record.GetString("currency");
        var currency = Currencies.Normalize(currencyText);
        if (currencyText is not null && currency is null)
        {
            record.AddError("currency", ErrorCodes.ValidationFailed, $"currency '{currencyText}' is not a 3-letter currency code such as INR", currencyText);
        }
        record["currency"] = currency ?? "INR";
        var group = NaturalKeys.Normalize(record.GetString("group_name"));
        BalanceFields.Complete(record, CreditGroups.Contains(group) ? BalanceSide.Cr : BalanceSide.Dr);
    }

    public override string NaturalKey(MappedRecord record) => NaturalKeys.Normalize(record.GetString("name"));

    public override string Describe(MappedRecord record) => record.GetString("name") ?? "(no name)";

    public override void MakeDistinct(MappedRecord record, int attempt) =>
        record["name"] = $"{record.GetString("name")} ({attempt + 1})";
}
