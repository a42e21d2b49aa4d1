using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Erp;

public sealed class ErpApiTests(FerryApp app) : IClassFixture<FerryApp>
{
    [Fact]
    public async Task A_new_organization_starts_with_the_standard_chart_and_one_warehouse()
    {
        using var client = await app.ClientOfNewOrganizationAsync();

        var groups = await client.ErpAsync("account-groups");
        var warehouses = await client.ErpAsync("warehouses");

        Assert.Equal(28, groups.Total());
        Assert.Contains(groups.Items(), g => g.GetProperty("name").GetString() == "Sundry Debtors");
        Assert.Contains(groups.Items(), g => g.GetProperty("name").GetString() == "Capital Account");
        Assert.Equal("Main Location", Assert.Single(warehouses.Items()).GetProperty("name").GetString());
        Assert.Equal(0, (await client.ErpAsync("contacts")).Total());
    }

    [Fact]
    public async Task ERP_lists_page_through_their_rows()
    {
        using var client = await app.ClientOfNewOrganizationAsync();

        var first = await client.GetJsonAsync("/api/v1/erp/account-groups?page=1&page_size=10");
        var third = await client.GetJsonAsync("/api/v1/erp/account-groups?page=3&page_size=10");

        Assert.Equal(28, first.Total());
        Assert.Equal(10, first.Items().Count());
        Assert.Equal(8, third.Items().Count());
        Assert.Equal(3, third.GetProperty("page").GetInt32());
        Assert.Empty(first.Items().Select(g => g.GetProperty("id").GetInt64()).Intersect(third.Items().Select(g => g.GetProperty("id").GetInt64())));
    }
}
