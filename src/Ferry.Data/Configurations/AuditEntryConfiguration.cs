using Ferry.Core.Audit;
using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ferry.Data.Configurations;

sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(e => e.Action).HasMaxLength(60);
        builder.Property(e => e.Subject).HasMaxLength(100);
        builder.Property(e => e.Details).HasMaxLength(2000);
        builder.HasIndex(e => new { e.OrganizationId, e.At });
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
