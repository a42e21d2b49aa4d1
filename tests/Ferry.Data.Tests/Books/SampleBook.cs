using Ferry.Tests.Fixtures;
using static Ferry.Tests.Fixtures.TallyXmlBuilder;

namespace Ferry.Data.Tests.Books;

/// <summary>
/// A small company's whole books as Tally exports them. Groups: standard ones the ERP already has, Sundry Debtors
/// renamed "Trade Receivables", Sales Accounts renamed "Revenue from Operations" (with flags that alone would say
/// asset), a custom three-level expense tree and a custom income group. Openings: Dr 55,000 in ledgers plus 6,000 of
/// stock against Cr 2,000 and the capital, so they tie at a capital of 59,000. Vouchers: one of every accounting
/// kind, seven in all, and four that do not touch the books.
/// </summary>
static class SampleBook
{
    public const decimal TiedCapital = 59000m;

    public static readonly TallyPartyFixture Globex = new(
        "Globex Retail Pvt Ltd", ["12 FC Road", "Shivajinagar", "Pune"], "Maharashtra", "411005", "India", ContactsCsv.Gstin(1), "Regular",
        ContactsCsv.Gstin(1)[2..12], "020-2550000", "9800000001", "ap@globex.example");

    public static readonly TallyPartyFixture OmPlastics = new(
        "Om Plastics", ["Plot 7, MIDC", "Bhosari"], "Maharashtra", "411026", "India", ContactsCsv.Gstin(2), "Regular",
        ContactsCsv.Gstin(2)[2..12], "020-2710000", "9800000002", "sales@omplastics.example");

    public static readonly string[] Groups =
    [
        Group("Current Assets", null, revenue: false, deemedPositive: true),
        Group("Trade Receivables", "Current Assets", revenue: false, deemedPositive: true, reserved: "Sundry Debtors"),
        Group("Sundry Creditors", "Current Liabilities", revenue: false, deemedPositive: false, reserved: "Sundry Creditors"),
        Group("GST Dues", "Current Liabilities", revenue: false, deemedPositive: false, reserved: "Duties & Taxes"),
        Group("Revenue from Operations", null, revenue: false, deemedPositive: true, reserved: "Sales Accounts"),
        Group("Search Ads", "Digital Ads", revenue: true, deemedPositive: true),
        Group("Digital Ads", "Marketing Costs", revenue: true, deemedPositive: true),
        Group("Marketing Costs", null, revenue: true, deemedPositive: true),
        Group("Other Receipts", null, revenue: true, deemedPositive: false),
    ];

    public static readonly string[] NewGroups =
        ["Trade Receivables", "GST Dues", "Revenue from Operations", "Search Ads", "Digital Ads", "Marketing Costs", "Other Receipts"];

    public static readonly string[] LedgerNames =
        ["Cash", "HDFC Bank", "Capital", "Sales @18%", "Purchases", "Output IGST", "Google Ads", "Globex Retail", "Om Plastics"];

    public static string[] Ledgers(decimal capital = TiedCapital, decimal cash = -30000m) =>
    [
        Ledger("Cash", "Cash-in-Hand", opening: cash),
        Ledger("HDFC Bank", "Bank Accounts", opening: -20000m),
        Ledger("Capital", "Capital Account", opening: capital),
        Ledger("Sales @18%", "Revenue from Operations"),
        Ledger("Purchases", "Purchase Accounts"),
        Ledger("Output IGST", "GST Dues"),
        Ledger("Google Ads", "Search Ads"),
        FlatPartyLedger("Globex Retail", "Trade Receivables", Globex, opening: -5000m, OpeningBill("INV/23-24/0593", "20240223", -5000m)),
        NestedPartyLedger("Om Plastics", "Sundry Creditors", OmPlastics, opening: 2000m),
    ];

    public static readonly string[] Inventory =
    [
        Unit("Nos", "Numbers"),
        Unit("Box", "Boxes"),
        CompoundUnit("Box of 12 Nos", "Box", "Nos", 12m),
        Godown("Main Location"),
        Godown("Back Store"),
        StockItem("Choco Bar 50g", null, "Nos", "18063100", 18m, 120m, 25m,
            OpeningBatch("Main Location", "Primary Batch", 100m, "Nos", 25m),
            OpeningBatch("Back Store", "B-7", 20m, "Nos", 25m)),
        StockItem("Gift Hamper", null, "Box", "95030090", 12m, 10m, 300m),
    ];

    public static readonly string[] VoucherTypes =
    [
        BuiltInVoucherType("Sales"),
        BuiltInVoucherType("Payment"),
        BuiltInVoucherType("Receipt"),
        BuiltInVoucherType("Journal"),
        BuiltInVoucherType("Contra"),
        BuiltInVoucherType("Credit Note"),
        BuiltInVoucherType("Debit Note"),
        BuiltInVoucherType("Sales Order"),
        BuiltInVoucherType("Memorandum"),
        VoucherType("GST Sales", "Sales"),
    ];

    public static string Sale(decimal quantity = 40m) => Voucher("GST Sales", "INV-101", "20240401", "Globex Retail", invoice: true, lines:
    [
        InventoryEntry("Choco Bar 50g", quantity, "Nos", 25m, "Main Location", "Primary Batch", "Sales @18%"),
        EmptyShell("ALLINVENTORYENTRIES.LIST"),
        LedgerEntry("Globex Retail", -quantity * 29.5m, deemedPositive: true, tag: "LEDGERENTRIES.LIST", Bill("INV-101", "New Ref", -quantity * 29.5m)),
        LedgerEntry("Output IGST", quantity * 4.5m, deemedPositive: false, tag: "LEDGERENTRIES.LIST"),
        EmptyShell("LEDGERENTRIES.LIST"),
    ]);

    public static string Payment() => Voucher("Payment", "P-1", "20240402", "Om Plastics", lines:
    [
        LedgerEntry("Om Plastics", -2000m, deemedPositive: true, bills: Bill("OP-77", "Agst Ref", -2000m)),
        LedgerEntry("HDFC Bank", 2000m, deemedPositive: false),
    ]);

    public static string Receipt(decimal amount = 1180m) => Voucher("Receipt", "R-1", "20240403", "Globex Retail", lines:
    [
        LedgerEntry("Globex Retail", amount, deemedPositive: false, bills: Bill("INV-101", "Agst Ref", amount)),
        LedgerEntry("Cash", -amount, deemedPositive: true),
    ]);

    public static string Journal(string creditLedger = "Cash") => Voucher("Journal", "J-1", "20240404", "Google Ads", narration: "Ads for April", lines:
    [
        LedgerEntry("Google Ads", -500m, deemedPositive: true),
        LedgerEntry(creditLedger, 500m, deemedPositive: false),
    ]);

    public static string Contra() => Voucher("Contra", "C-1", "20240405", "Cash", lines:
    [
        LedgerEntry("Cash", -10000m, deemedPositive: true),
        LedgerEntry("HDFC Bank", 10000m, deemedPositive: false),
    ]);

    public static string CreditNote() => Voucher("Credit Note", "CN-1", "20240406", "Globex Retail", lines:
    [
        LedgerEntry("Sales @18%", -100m, deemedPositive: true),
        LedgerEntry("Globex Retail", 100m, deemedPositive: false),
    ]);

    public static string DebitNote() => Voucher("Debit Note", "DN-1", "20240407", "Om Plastics", lines:
    [
        LedgerEntry("Om Plastics", -200m, deemedPositive: true),
        LedgerEntry("Purchases", 200m, deemedPositive: false),
    ]);

    public static readonly string[] Skipped =
    [
        Voucher("Journal", "J-2", "20240408", "Cash", cancelled: true, lines: []),
        Voucher("Receipt", "R-2", "20240409", "Globex Retail", optional: true, lines:
        [
            LedgerEntry("Globex Retail", 100m, deemedPositive: false),
            LedgerEntry("Cash", -100m, deemedPositive: true),
        ]),
        Voucher("Sales Order", "SO-1", "20240410", "Globex Retail", lines: [LedgerEntry("Globex Retail", -500m, deemedPositive: true)]),
        Voucher("Memorandum", "M-1", "20240411", "Cash", lines:
        [
            LedgerEntry("Cash", -50m, deemedPositive: true),
            LedgerEntry("Capital", 50m, deemedPositive: false),
        ]),
    ];

    /// <summary>Debits 100.00 against credits 99.50.</summary>
    public static string Unbalanced() => Voucher("Journal", "J-3", "20240412", "Cash", lines:
    [
        LedgerEntry("Cash", -100m, deemedPositive: true),
        LedgerEntry("Capital", 99.50m, deemedPositive: false),
    ]);

    public static string[] Vouchers() => [Sale(), Payment(), Receipt(), Journal(), Contra(), CreditNote(), DebitNote(), .. Skipped];

    /// <summary>The masters only, with the footer that names the company's state.</summary>
    public static TallyXmlBuilder Masters(decimal capital = TiedCapital, decimal cash = -30000m) => new TallyXmlBuilder()
        .Message(Groups)
        .Message(Ledgers(capital, cash))
        .Message(Inventory)
        .Message(VoucherTypes)
        .Footer("Acme Traders Pvt Ltd", "Maharashtra");

    public static TallyXmlBuilder Whole(decimal capital = TiedCapital) => Masters(capital).Message(Vouchers());
}
