using Ferry.Core.Jobs;
using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ferry.Data.Tests;

public sealed class TenantModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Every_entity_of_an_organization_has_the_tenant_filter_and_an_index_led_by_organization_id(DatabaseProvider provider)
    {
        // Building the model needs no server, so this runs without PostgreSQL.
        var options = new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=127.0.0.1;Database=unused",
        };
        using var db = DataServiceCollectionExtensions.CreateContext(options);

        var tenantEntities = db.Model.GetEntityTypes()
            .Where(e => !e.IsOwned() && e.FindProperty("OrganizationId") is not null)
            .ToList();

        Assert.Superset(
            new[] { typeof(Contact), typeof(Ledger), typeof(Product), typeof(User), typeof(MigrationJob), typeof(JobLogEntry), typeof(RollbackJournalEntry), typeof(JobFieldMapping), typeof(VoucherLedgerLine) }.ToHashSet(),
            tenantEntities.Select(e => e.ClrType).ToHashSet());
        var problems = new List<string>();
        foreach (var entity in tenantEntities)
        {
            if (entity.FindDeclaredQueryFilter(FerryDbContext.TenantFilter) is null)
            {
                problems.Add($"{entity.ClrType.Name} has no '{FerryDbContext.TenantFilter}' query filter");
            }
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            if (!entity.GetIndexes().Any(i => i.Properties[0].GetColumnName(table) == "organization_id"))
            {
                problems.Add($"{entity.ClrType.Name} has no index whose first column is organization_id");
            }
        }
        Assert.Empty(problems);
    }
}
