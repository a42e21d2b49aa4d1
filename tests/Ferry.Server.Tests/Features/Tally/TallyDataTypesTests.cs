using System.Net;
using System.Text.Json;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Tally;

/// <summary>GET /tally/data-types tells a client what a Tally import fills and from which Tally objects.</summary>
public sealed class TallyDataTypesTests(FerryApp app) : IClassFixture<FerryApp>
{
    const string Url = "/api/v1/migration/tally/data-types";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_data_types_name_their_entities_and_the_Tally_objects_behind_them()
    {
        using var client = await app.ClientOfNewOrganizationAsync();

        var types = (await client.GetJsonAsync(Url)).EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);

        Assert.Equal(["company", "ledgers", "contacts", "products", "stock", "vouchers"], types.Keys);
        Assert.All(types.Values, t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("description").GetString())));
        Assert.Equal(["VOUCHER", "VOUCHERTYPE"], TallyObjects(types["vouchers"], "vouchers"));
        Assert.Equal(["LEDGER"], TallyObjects(types["ledgers"], "ledgers"));
        Assert.Equal(["GROUP"], TallyObjects(types["ledgers"], "account_groups"));
        Assert.Contains("STOCKITEM", TallyObjects(types["products"], "products"));
        Assert.Equal(["GODOWN"], TallyObjects(types["products"], "warehouses"));
        Assert.Equal(["STOCKITEM/BATCHALLOCATIONS.LIST"], TallyObjects(types["stock"], "opening_stock"));
        Assert.Contains("SVCURRENTCOMPANY", TallyObjects(types["company"], "company"));
        Assert.Contains("Sundry Debtors", Assert.Single(TallyObjects(types["contacts"], "contacts")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_data_types_need_a_signed_in_user()
    {
        using var anonymous = app.CreateClient();

        using var response = await anonymous.GetAsync(Url, Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    static IEnumerable<string?> TallyObjects(JsonElement dataType, string entity) =>
        dataType.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("name").GetString() == entity)
            .GetProperty("tally_objects").EnumerateArray().Select(o => o.GetString());
}
