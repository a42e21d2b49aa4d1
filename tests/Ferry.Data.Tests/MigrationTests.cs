using Ferry.Data.Seeding;
using Ferry.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Data.Tests;

public sealed class MigrationTests
{
    static readonly string[] Tenant = [FerryDbContext.TenantFilter];

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_migrations_of_each_provider_match_the_model(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.System();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes without a {provider} migration: run dotnet ef migrations add NAME --project src/Ferry.Data.{provider}.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Initialization_seeds_the_demo_organization_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var again = await DatabaseInitializer.InitializeAsync(database.Options, "admin@demo.local", "another password", Ct);

        Assert.Equal(database.Demo.Id, again.Organization.Id);
        Assert.Null(again.GeneratedPassword);
        await using var db = database.System();
        Assert.Equal("demo", (await db.Organizations.SingleAsync(Ct)).Slug);
        Assert.Equal(StandardChart.Groups.Count, await db.AccountGroups.IgnoreQueryFilters(Tenant).CountAsync(g => g.OrganizationId == database.Demo.Id, Ct));
        Assert.Equal(28, StandardChart.Groups.Count);
        var warehouse = await db.Warehouses.IgnoreQueryFilters(Tenant).SingleAsync(w => w.OrganizationId == database.Demo.Id, Ct);
        Assert.Equal("Main Location", warehouse.Name);
        Assert.Equal(1, await db.Users.IgnoreQueryFilters(Tenant).CountAsync(u => u.OrganizationId == database.Demo.Id, Ct));
    }
}
