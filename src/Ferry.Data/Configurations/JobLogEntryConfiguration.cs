using Ferry.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ferry.Data.Configurations;

sealed class JobLogEntryConfiguration : IEntityTypeConfiguration<JobLogEntry>
{
    public void Configure(EntityTypeBuilder<JobLogEntry> builder)
    {
        builder.ToTable("job_logs");
        builder.Property(e => e.Level).HasConversion(new SnakeCaseEnumConverter<JobLogLevel>(JobLogLevel.Error)).HasMaxLength(10);
        builder.Property(e => e.Message).HasMaxLength(2000);
        builder.Property(e => e.SourceRecordId).HasMaxLength(100);
        builder.Property(e => e.SourceLocation).HasMaxLength(500);
        builder.Property(e => e.ErrorCode).HasMaxLength(20);
        builder.Property(e => e.Operation).HasMaxLength(50);
        builder.HasIndex(e => new { e.OrganizationId, e.JobId, e.Id });
        builder.HasOne<MigrationJob>().WithMany().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
