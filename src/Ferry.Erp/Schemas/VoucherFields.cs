using Ferry.Core.Mapping;

namespace Ferry.Erp.Schemas;

/// <summary>
/// The columns a day book or voucher register has, so an upload can say it holds vouchers. Vouchers are imported from
/// Tally, not from table files; these fields only serve the suggestion.
/// </summary>
public static class VoucherFields
{
    public static readonly IReadOnlyList<TargetField> All =
    [
        new("voucher_date", FieldType.Date, "Voucher date", Required: true, Synonyms: ["Date", "Voucher Date", "Vch Date", "Invoice Date", "Bill Date", "Transaction Date"]),
        new("voucher_type", FieldType.String, "Voucher type", Synonyms: ["Vch Type", "Voucher Type", "Type", "Transaction Type"]),
        new("voucher_number", FieldType.String, "Voucher number", Required: true, Synonyms: ["Vch No.", "Vch No", "Voucher No", "Voucher Number", "Invoice Number", "Invoice No", "Bill No", "Reference"]),
        new("party", FieldType.String, "Party or ledger", Synonyms: ["Particulars", "Party", "Party Name", "Party Ledger", "Customer Name", "Vendor Name", "Ledger"]),
        new("debit", FieldType.Decimal, "Debit amount", Synonyms: ["Debit", "Debit Amount", "Dr", "Dr Amount", "Debit Amount / Inwards Qty"]),
        new("credit", FieldType.Decimal, "Credit amount", Synonyms: ["Credit", "Credit Amount", "Cr", "Cr Amount", "Credit Amount / Outwards Qty"]),
        new("amount", FieldType.Decimal, "Voucher amount", Synonyms: ["Amount", "Total", "Invoice Total", "Voucher Amount", "Net Amount"]),
        new("narration", FieldType.String, "Narration", Synonyms: ["Narration", "Remarks", "Description", "Memo"]),
    ];
}
