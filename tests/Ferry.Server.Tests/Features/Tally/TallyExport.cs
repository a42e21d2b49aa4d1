using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ferry.Server.Tests.Infrastructure;
using Ferry.Tests.Fixtures;
using static Ferry.Tests.Fixtures.TallyXmlBuilder;

namespace Ferry.Server.Tests.Features.Tally;

/// <summary>
/// A small company's books as Tally exports them, and the API calls of a whole-books import. The ledger openings tie
/// (35,000 Dr and Cr), so the opening stock of 3,000 is what is left over for the adjustment ledger.
/// </summary>
static class TallyExport
{
    public const string Company = "Acme Traders Pvt Ltd";
    public const decimal OpeningDifference = 3000m;

    static readonly string[] ErpLists = ["company", "account-groups", "units", "warehouses", "ledgers", "contacts", "products", "stock-movements", "vouchers"];

    public static readonly TallyPartyFixture Globex = new(
        "Globex Retail Pvt Ltd", ["12 MG Road", "Bengaluru"], "Karnataka", "560001", "India", TestData.Gstin("29", "AAPFU0939F"), "Regular",
        "AAPFU0939F", "080-1234567", "9800000000", "ap@globex.example");

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string SalesInvoice => Voucher("GST Sales", "INV-101", "20240401", "Globex Retail", invoice: true, lines:
    [
        InventoryEntry("Choco Bar 50g", 40m, "Nos", 25m, "Main Location", "Primary Batch", "Sales @18%"),
        LedgerEntry("Globex Retail", -1180m, deemedPositive: true, tag: "LEDGERENTRIES.LIST", Bill("INV-101", "New Ref", -1180m)),
        LedgerEntry("Output IGST", 180m, deemedPositive: false, tag: "LEDGERENTRIES.LIST"),
    ]);

    public static string Receipt => Voucher("Receipt", "R-1", "20240405", "Globex Retail", lines:
    [
        LedgerEntry("Globex Retail", 1180m, deemedPositive: false, bills: Bill("INV-101", "Agst Ref", 1180m)),
        LedgerEntry("Cash", -1180m, deemedPositive: true),
    ]);

    public static string Journal => Voucher("Journal", "J-1", "20240406", "Capital", narration: "Cash introduced", lines:
    [
        LedgerEntry("Cash", -10m, deemedPositive: true),
        LedgerEntry("Capital", 10m, deemedPositive: false),
    ]);

    /// <summary>The masters, then one message per voucher: the three above unless others are given.</summary>
    public static TallyXmlBuilder Books(params string[] vouchers)
    {
        var builder = new TallyXmlBuilder().Company($"{Company} - (from 1-Apr-24)")
            .Message(
                Group("Sundry Debtors", "Current Assets", revenue: false, deemedPositive: true, reserved: "Sundry Debtors"),
                Group("GST Dues", "Duties & Taxes", revenue: false, deemedPositive: false))
            .Message(
                Ledger("Cash", "Cash-in-Hand", opening: -30000m),
                FlatPartyLedger("Globex Retail", "Sundry Debtors", Globex, opening: -5000m, OpeningBill("INV/23-24/0593", "20240223", -5000m)),
                Ledger("Sales @18%", "Sales Accounts"),
                Ledger("Output IGST", "GST Dues"),
                Ledger("Capital", "Capital Account", opening: 35000m))
            .Message(
                Unit("Nos", "Numbers"),
                Godown("Main Location"),
                StockItem("Choco Bar 50g", null, "Nos", "18063100", 18m, 120m, 25m, OpeningBatch("Main Location", "Primary Batch", 120m, "Nos", 25m)))
            .Message(BuiltInVoucherType("Sales"), BuiltInVoucherType("Receipt"), BuiltInVoucherType("Journal"), VoucherType("GST Sales", "Sales"));
        foreach (var voucher in vouchers.Length == 0 ? [SalesInvoice, Receipt, Journal] : vouchers)
        {
            builder.Message(voucher);
        }
        return builder.Footer(Company, "Karnataka");
    }

    public static byte[] Utf16(this TallyXmlBuilder builder) => builder.Bytes(TallyFileEncoding.Utf16LeBom);

    /// <summary>POST /jobs as for a Tally export: source_type tally and no data_types, so the upload decides them.</summary>
    public static async Task<JsonElement> CreateBooksJobAsync(this HttpClient client, string conflictStrategy = "skip", object? options = null)
    {
        using var response = await client.PostAsJsonAsync(FerryApi.Jobs, new
        {
            name = $"Tally books {Guid.NewGuid():N}",
            source_type = "tally",
            conflict_strategy = conflictStrategy,
            batch_size = 5,
            options,
        }, Ct);
        await FerryApi.ExpectAsync(response, HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonElement> UploadBooksAsync(this HttpClient client, Guid jobId, byte[] export)
    {
        using var response = await client.UploadAsync(jobId, export, "DayBook.xml");
        await FerryApi.ExpectAsync(response, HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    /// <summary>Create, upload, map, execute and wait: the whole import of one Tally export.</summary>
    public static async Task<(Guid JobId, JsonElement Progress)> ImportBooksAsync(this HttpClient client, byte[] export, string conflictStrategy = "skip")
    {
        var jobId = (await client.CreateBooksJobAsync(conflictStrategy)).GetProperty("id").GetGuid();
        await client.UploadBooksAsync(jobId, export);
        await client.AutoMapAsync(jobId);
        await client.ExecuteAsync(jobId);
        return (jobId, await client.WaitUntilFinishedAsync(jobId));
    }

    public static async Task<JsonElement> PutJobAsync(this HttpClient client, Guid jobId, object body)
    {
        using var response = await client.PutAsJsonAsync($"{FerryApi.Jobs}/{jobId}", body, Ct);
        await FerryApi.ExpectAsync(response, HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    /// <summary>Every row of every ERP list the organization has, as the API returns them.</summary>
    public static async Task<Dictionary<string, string>> ErpSnapshotAsync(this HttpClient client)
    {
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var list in ErpLists)
        {
            snapshot[list] = (await client.ErpAsync(list)).GetProperty("items").GetRawText();
        }
        return snapshot;
    }

    public static JsonElement Named(this JsonElement page, string property, string value) =>
        Assert.Single(page.Items(), row => row.GetProperty(property).GetString() == value);
}
