using Ferry.Sources.Tally.Live;
using Ferry.Tests.Fixtures;
using static Ferry.Tests.Fixtures.TallyXmlBuilder;

namespace Ferry.Sources.Tests.Tally.Live;

/// <summary>
/// A company open in a stand-in Tally: masters in two messages (one repeated, as Tally repeats them) and one voucher on
/// each of 1, 5 and 10 April 2024, so a Day Book period can cut them apart.
/// </summary>
static class TallyLiveBooks
{
    public const string Acme = "Acme Traders Pvt Ltd";
    public static readonly DateOnly BooksFrom = new(2024, 4, 1);

    public static TallyStandIn StandIn()
    {
        var tally = new TallyStandIn();
        tally.Open(Acme, BooksFrom)
            .Masters(
                Group("Sundry Debtors", "Current Assets", revenue: false, deemedPositive: true, reserved: "Sundry Debtors"),
                Group("Sales Accounts", null, revenue: true, deemedPositive: false, affectsGrossProfit: true, reserved: "Sales Accounts"),
                Ledger("Cash", "Cash-in-Hand", opening: -30000m),
                Ledger("Globex Retail", "Sundry Debtors", opening: -5000m),
                Ledger("Sales @18%", "Sales Accounts"))
            .Masters(
                Group("Sundry Debtors", "Current Assets", revenue: false, deemedPositive: true, reserved: "Sundry Debtors"),
                BuiltInVoucherType("Receipt"),
                BuiltInVoucherType("Sales"),
                Unit("Nos", "Numbers"))
            .Voucher(Voucher("Sales", "S-1", "20240401", "Globex Retail", lines:
            [
                LedgerEntry("Globex Retail", -1000m, deemedPositive: true),
                LedgerEntry("Sales @18%", 1000m, deemedPositive: false),
            ]))
            .Voucher(Voucher("Receipt", "R-1", "20240405", "Cash", lines:
            [
                LedgerEntry("Cash", -600m, deemedPositive: true),
                LedgerEntry("Globex Retail", 600m, deemedPositive: false),
            ]))
            .Voucher(Voucher("Receipt", "R-2", "20240410", "Cash", lines:
            [
                LedgerEntry("Cash", -400m, deemedPositive: true),
                LedgerEntry("Globex Retail", 400m, deemedPositive: false),
            ]));
        tally.Open("Globex Foods", new DateOnly(2023, 4, 1));
        return tally;
    }

    public static TallyClient Client(TallyStandIn tally, TimeSpan? timeout = null) =>
        new(new HttpClient(), new TallyServer(tally.Host, tally.Port), timeout ?? TallyClient.DefaultTimeout);
}
