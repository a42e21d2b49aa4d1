using Ferry.Sources.Tally;
using Ferry.Tests.Fixtures;
using static Ferry.Tests.Fixtures.TallyXmlBuilder;

namespace Ferry.Sources.Tests.Tally;

/// <summary>
/// One small company as Tally exports it with "include dependent masters": masters first, repeated where vouchers
/// reference them, several objects per TALLYMESSAGE, and one voucher of every kind the importer must tell apart.
/// </summary>
static class TallyBooks
{
    public static readonly TallyPartyFixture Globex = new(
        "Globex Retail", ["12 MG Road", "Bengaluru"], "Karnataka", "560001", "India", "29AAAAA0000A1Z5", "Regular",
        "AAAAA0000A", "080-1234567", "9800000000", "ap@globex.example");

    public static TallyXmlBuilder Builder() => new TallyXmlBuilder()
        .Message(
            Group("Current Assets", null, revenue: false, deemedPositive: true),
            Group("Sundry Debtors", "Current Assets", revenue: false, deemedPositive: true, reserved: "Sundry Debtors"),
            Group("GST Dues", "Current Liabilities", revenue: false, deemedPositive: false, reserved: "Duties & Taxes"),
            Group("Sales Accounts", null, revenue: true, deemedPositive: false, affectsGrossProfit: true, reserved: "Sales Accounts"))
        .Message(
            Group("Current Assets", null, revenue: false, deemedPositive: true),
            Ledger("Cash", "Cash-in-Hand", opening: -30000m),
            FlatPartyLedger("Globex Retail", "Sundry Debtors", Globex, opening: -5000m, OpeningBill("INV/23-24/0593", "20240223", -5000m)),
            NestedPartyLedger("Om Plastics", "Sundry Creditors", Globex with { MailingName = "Om Plastics" }),
            Ledger("Sales @18%", "Sales Accounts"),
            Ledger("Output IGST", "GST Dues"),
            Ledger("Round Off", "Indirect Expenses"),
            Ledger("Capital", "Capital Account", opening: 35000m))
        .Message(
            Unit("Nos", "Numbers"),
            CompoundUnit("Box of 12 Nos", "Box", "Nos", 12m),
            Godown("Main Location"),
            Godown("Back Store"),
            StockGroup("Chocolates"),
            StockCategory("Imported"),
            StockItem("Choco Bar 50g", "Chocolates", "Nos", "18063100", 18m, 120m, 25m,
                OpeningBatch("Main Location", "Primary Batch", 100m, "Nos", 25m),
                OpeningBatch("Back Store", "B-7", 20m, "Nos", 25m)))
        .Message(
            BuiltInVoucherType("Sales"),
            BuiltInVoucherType("Receipt"),
            BuiltInVoucherType("Journal"),
            BuiltInVoucherType("Sales Order"),
            VoucherType("GST Sales", "Sales"))
        .Message(
            Unit("Nos", "Numbers"),
            Godown("Main Location"),
            Voucher("GST Sales", "INV-101", "20240401", "Globex Retail", invoice: true, lines:
            [
                InventoryEntry("Choco Bar 50g", 40m, "Nos", 25m, "Main Location", "Primary Batch", "Sales @18%"),
                EmptyShell("ALLINVENTORYENTRIES.LIST"),
                LedgerEntry("Globex Retail", -1180m, deemedPositive: true, tag: "LEDGERENTRIES.LIST", Bill("INV-101", "New Ref", -1180m)),
                LedgerEntry("Output IGST", 180.20m, deemedPositive: false, tag: "LEDGERENTRIES.LIST"),
                LedgerEntry("Round Off", -0.20m, deemedPositive: false, tag: "LEDGERENTRIES.LIST"),
                EmptyShell("LEDGERENTRIES.LIST"),
            ]))
        .Message(Voucher("Receipt", "1", "20240405", "Cash", lines:
            [
                LedgerEntry("Globex Retail", 6180m, deemedPositive: false, bills: [Bill("INV-101", "Agst Ref", 1180m), Bill("INV/23-24/0593", "Agst Ref", 5000m)]),
                LedgerEntry("Cash", -6180m, deemedPositive: true),
            ]))
        .Message(Voucher("Journal", "J-1", "20240406", "Round Off", narration: "Write-off", lines:
            [
                LedgerEntry("Round Off", -10m, deemedPositive: true),
                LedgerEntry("Capital", 10m, deemedPositive: false),
            ]))
        .Message(Voucher("Journal", "J-2", "20240407", "Round Off", cancelled: true, lines: []))
        .Message(Voucher("Receipt", "2", "20240408", "Cash", optional: true, lines:
            [
                LedgerEntry("Globex Retail", 100m, deemedPositive: false),
                LedgerEntry("Cash", -100m, deemedPositive: true),
            ]))
        .Message(Voucher("Sales Order", "SO-1", "20240409", "Globex Retail", lines:
            [
                LedgerEntry("Globex Retail", -500m, deemedPositive: true),
            ]))
        .Message(Voucher("Journal", "J-3", "20240410", "Cash", lines:
            [
                LedgerEntry("Cash", -100m, deemedPositive: true),
                LedgerEntry("Capital", 99.50m, deemedPositive: false),
            ]))
        .Footer("Acme Traders Pvt Ltd", "Karnataka");

    public static List<TallyObject> ReadAll(string path)
    {
        using var reader = TallyXmlReader.Open(path);
        var objects = new List<TallyObject>();
        while (reader.MoveNext())
        {
            objects.Add(reader.Current);
        }
        return objects;
    }
}
