using Ferry.Core.Audit;
using Ferry.Core.Integrations;
using Ferry.Core.Jobs;
using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Data;

/// <summary>
/// The ERP tables and the migration tables. Every row with an organization is filtered to
/// <see cref="TenantScope.OrganizationId"/> by the "Tenant" query filter.
/// </summary>
/// <remarks>
/// Migrations, one set per provider:
/// <code>
/// dotnet ef migrations add NAME --project src/Ferry.Data.Sqlite
/// dotnet ef migrations add NAME --project src/Ferry.Data.Postgres
/// </code>
/// </remarks>
public sealed class FerryDbContext(DbContextOptions<FerryDbContext> options, TenantScope? tenant = null) : DbContext(options)
{
    public const string TenantFilter = "Tenant";

    /// <summary>Hides jobs deleted with their data kept (see <see cref="MigrationJob.DeletedAt"/>).</summary>
    public const string LiveJobsFilter = "LiveJobs";

    public Guid? CurrentOrganizationId => tenant?.OrganizationId;

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<User> Users => Set<User>();

    public DbSet<CompanyProfile> CompanyProfiles => Set<CompanyProfile>();

    public DbSet<AccountGroup> AccountGroups => Set<AccountGroup>();

    public DbSet<Ledger> Ledgers => Set<Ledger>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Warehouse> Warehouses => Set<Warehouse>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<StockMovement> StockMovements => Set<StockMovement>();

    public DbSet<Voucher> Vouchers => Set<Voucher>();

    public DbSet<VoucherLedgerLine> VoucherLedgerLines => Set<VoucherLedgerLine>();

    public DbSet<VoucherInventoryLine> VoucherInventoryLines => Set<VoucherInventoryLine>();

    public DbSet<MigrationJob> Jobs => Set<MigrationJob>();

    public DbSet<JobFieldMapping> FieldMappings => Set<JobFieldMapping>();

    public DbSet<JobLogEntry> JobLogs => Set<JobLogEntry>();

    public DbSet<RollbackJournalEntry> RollbackJournal => Set<RollbackJournalEntry>();

    public DbSet<IntegrationSetting> IntegrationSettings => Set<IntegrationSetting>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FerryDbContext).Assembly);
        ModelConventions.Apply(modelBuilder, this);
    }
}
