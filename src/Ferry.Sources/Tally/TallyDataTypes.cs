using Ferry.Core.Jobs;
using Ferry.Erp.Books;

namespace Ferry.Sources.Tally;

/// <summary>What Ferry imports from Tally: each data type, the ERP entities it fills and the Tally objects behind them.</summary>
public static class TallyDataTypes
{
    public sealed record Entity(string Name, IReadOnlyList<string> TallyObjects, string Description);

    public sealed record DataType(string Name, string Description, IReadOnlyList<Entity> Entities);

    public static readonly IReadOnlyList<DataType> All =
    [
        new(DataTypes.Company, "Company name, state and the start of the books",
            [new(BookEntities.Company, ["SVCURRENTCOMPANY", "COMPANY/REMOTECMPINFO.LIST"], "The company the export was taken from")]),
        new(DataTypes.Ledgers, "Chart of accounts with Dr/Cr opening balances",
        [
            new(BookEntities.AccountGroups, ["GROUP"], "Groups with their nature from the 28 reserved groups (by name or RESERVEDNAME), else from ISREVENUE and ISDEEMEDPOSITIVE"),
            new(BookEntities.Ledgers, ["LEDGER"], "Ledgers under their group, opening balance by the sign of OPENINGBALANCE (negative is debit), GSTIN, PAN, state; the difference in opening balances goes to an adjustment ledger"),
        ]),
        new(DataTypes.Contacts, "Customers and vendors",
            [new(BookEntities.Contacts, ["LEDGER under Sundry Debtors / Sundry Creditors"], "Mailing name and address, state, PIN, GSTIN, registration type, PAN, phone, mobile, e-mail, opening balance")]),
        new(DataTypes.Products, "Stock items, units and godowns",
        [
            new(BookEntities.Units, ["UNIT"], "Simple and compound units"),
            new(BookEntities.Warehouses, ["GODOWN"], "Godowns under their parent godown"),
            new(BookEntities.Products, ["STOCKITEM", "STOCKGROUP", "STOCKCATEGORY"], "Stock items with HSN, GST rate, base unit, and their stock category (else stock group) as category"),
        ]),
        new(DataTypes.Stock, "Opening stock",
            [new(BookEntities.OpeningStock, ["STOCKITEM/BATCHALLOCATIONS.LIST"], "Opening quantity, rate and value per godown and batch")]),
        new(DataTypes.Vouchers, "Every accounting voucher",
            [new(BookEntities.Vouchers, ["VOUCHER", "VOUCHERTYPE"],
                "Sales, Purchase, Payment, Receipt, Journal, Contra, Credit Note, Debit Note and custom types (resolved through VOUCHERTYPE): ledger lines with debit and credit, item lines with godown, batch, quantity, rate and amount, bill allocations, narration, reference, party, GUID. Orders, memorandum, optional, cancelled and deleted vouchers are skipped and counted; unbalanced ones are reported and not imported")]),
    ];
}
