using System.Text.Json;
using System.Text.Json.Nodes;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Erp.Model;
using Ferry.Tests.Fixtures;
using static Ferry.Tests.Fixtures.TallyXmlBuilder;

namespace Ferry.Data.Tests.Books;

/// <summary>Tally writes UTF-16 with a byte order mark; other tools re-save exports as UTF-8 without one. Both must import alike.</summary>
public sealed class BookEncodingTests
{
    const string Vendor = "श्री गणेश Traders – Café ₹";

    static TallyXmlBuilder Book() => SampleBook.Whole().Message(
        Ledger(Vendor, "Sundry Creditors", opening: 0m),
        Voucher("Journal", "J-9", "20240415", Vendor, narration: "Advance for दिवाली stock", lines:
        [
            LedgerEntry(Vendor, -75m, deemedPositive: true),
            LedgerEntry("Cash", 75m, deemedPositive: false),
        ]));

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_same_books_in_UTF16_with_a_BOM_and_in_UTF8_without_one_import_identically(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var utf16 = database.Demo.Id;
        var utf8 = (await database.AddOrganizationAsync("utf8")).Id;

        var fromUtf16 = await database.ImportBooksAsync(utf16, Book(), encoding: TallyFileEncoding.Utf16LeBom);
        var fromUtf8 = await database.ImportBooksAsync(utf8, Book(), encoding: TallyFileEncoding.Utf8);

        Assert.Equal((fromUtf16.Status, fromUtf16.RecordsInserted, fromUtf16.EntityCounts), (fromUtf8.Status, fromUtf8.RecordsInserted, fromUtf8.EntityCounts));
        Assert.Equal(fromUtf16.Reconciliation, fromUtf8.Reconciliation);
        var rows16 = await DumpAsync(database, utf16);
        Assert.Equal(rows16, await DumpAsync(database, utf8));
        Assert.Contains(await database.RowsAsync<Contact>(utf8), c => c.DisplayName == Vendor && c.ContactType == "vendor");
        var journal = (await database.VouchersAsync(utf8))["J-9"];
        Assert.Equal((Vendor, "Advance for दिवाली stock"), (journal.LedgerLines[0].LedgerName, journal.Narration));
    }

    /// <summary>Every imported row of the organization as JSON, without its ids, job ids and timestamps (references only say whether they are set).</summary>
    static async Task<List<string>> DumpAsync(TestDatabase database, Guid org)
    {
        var rows = new List<object>();
        rows.AddRange(await database.RowsAsync<CompanyProfile>(org));
        rows.AddRange(await database.RowsAsync<AccountGroup>(org));
        rows.AddRange(await database.RowsAsync<Unit>(org));
        rows.AddRange(await database.RowsAsync<Warehouse>(org));
        rows.AddRange(await database.RowsAsync<Ledger>(org));
        rows.AddRange(await database.RowsAsync<Contact>(org));
        rows.AddRange(await database.RowsAsync<Product>(org));
        rows.AddRange(await database.RowsAsync<StockMovement>(org));
        rows.AddRange((await database.VouchersAsync(org)).Values.OrderBy(v => v.Number, StringComparer.Ordinal));
        return [.. rows.Select(row => Strip(JsonSerializer.SerializeToNode(row, row.GetType())!).ToJsonString())];
    }

    static JsonNode Strip(JsonNode node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Strip(item!);
            }
        }
        else if (node is JsonObject json)
        {
            foreach (var name in json.Select(p => p.Key).ToList())
            {
                if (name is "CreatedAt" or "UpdatedAt" || name.EndsWith("JobId", StringComparison.Ordinal) || name == "OrganizationId")
                {
                    json.Remove(name);
                }
                else if (name == "Id" || name.EndsWith("Id", StringComparison.Ordinal))
                {
                    json[name] = json[name] is null ? null : "set";
                }
                else if (json[name] is { } child)
                {
                    Strip(child);
                }
            }
        }
        return node;
    }
}
