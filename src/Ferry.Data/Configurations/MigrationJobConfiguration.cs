using Ferry.Core.Jobs;
using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ferry.Data.Configurations;

sealed class MigrationJobConfiguration : IEntityTypeConfiguration<MigrationJob>
{
    public void Configure(EntityTypeBuilder<MigrationJob> builder)
    {
        builder.ToTable("migration_jobs");
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.Description).HasMaxLength(2000);
        builder.Property(e => e.FileName).HasMaxLength(255);
        // Two uploads racing for one job: the second to save finds the file changed, and its file is removed.
        builder.Property(e => e.StoredFileName).HasMaxLength(100).IsConcurrencyToken();
        builder.Property(e => e.FileSha256).HasMaxLength(64);
        builder.Property(e => e.LeaseOwner).HasMaxLength(200);
        builder.Property(e => e.Status).HasConversion(new SnakeCaseEnumConverter<JobStatus>(JobStatus.Failed)).HasMaxLength(30);
        builder.Property(e => e.SourceType).HasConversion(new SnakeCaseEnumConverter<SourceType>(SourceType.Manual)).HasMaxLength(20);
        builder.Property(e => e.ConflictStrategy).HasConversion(new SnakeCaseEnumConverter<ConflictStrategy>(ConflictStrategy.Skip)).HasMaxLength(20);
        builder.Ignore(e => e.RecordsSucceeded);
        builder.HasQueryFilter(FerryDbContext.LiveJobsFilter, e => e.DeletedAt == null);
        builder.HasIndex(e => new { e.OrganizationId, e.CreatedAt });
        builder.HasIndex(e => new { e.Status, e.QueuedAt });
        builder.HasIndex(e => new { e.OrganizationId, e.FileSha256 });
        // One running migration per organization, whatever the number of API and worker processes.
        builder.HasIndex(e => e.OrganizationId)
            .HasDatabaseName("ux_migration_jobs_one_active_per_org")
            .IsUnique()
            .HasFilter("status IN ('queued', 'running', 'rolling_back')");
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
