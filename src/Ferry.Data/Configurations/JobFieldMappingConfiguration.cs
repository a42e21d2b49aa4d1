using Ferry.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ferry.Data.Configurations;

sealed class JobFieldMappingConfiguration : IEntityTypeConfiguration<JobFieldMapping>
{
    public void Configure(EntityTypeBuilder<JobFieldMapping> builder)
    {
        builder.ToTable("job_field_mappings");
        builder.Property(e => e.SourceField).HasMaxLength(300);
        builder.Property(e => e.TargetField).HasMaxLength(100);
        builder.Property(e => e.FieldType).HasMaxLength(30);
        builder.Property(e => e.TransformationRule).HasMaxLength(1000);
        builder.Property(e => e.ValidationRule).HasMaxLength(1000);
        builder.Property(e => e.DefaultValue).HasMaxLength(500);
        builder.Property(e => e.Origin).HasMaxLength(10);
        builder.Property(e => e.Reason).HasMaxLength(300);
        builder.HasIndex(e => new { e.OrganizationId, e.JobId, e.Position });
        builder.HasOne<MigrationJob>().WithMany().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
