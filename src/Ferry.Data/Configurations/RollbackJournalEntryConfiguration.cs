using Ferry.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ferry.Data.Configurations;

sealed class RollbackJournalEntryConfiguration : IEntityTypeConfiguration<RollbackJournalEntry>
{
    public void Configure(EntityTypeBuilder<RollbackJournalEntry> builder)
    {
        builder.ToTable("rollback_journal");
        builder.Property(e => e.TableName).HasMaxLength(64);
        builder.HasIndex(e => new { e.OrganizationId, e.JobId, e.Id });
        builder.HasOne<MigrationJob>().WithMany().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
