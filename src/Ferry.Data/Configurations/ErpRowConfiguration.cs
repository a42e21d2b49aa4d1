using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ferry.Data.Configurations;

static class ErpRowConfiguration
{
    /// <summary>
    /// Table, natural-key uniqueness per organization, and the provenance index rollback uses: by job alone, since a job
    /// id names one organization and a shorter key halves what a bulk import writes into that index.
    /// </summary>
    public static void Configure<T>(EntityTypeBuilder<T> builder, string table) where T : ErpRow
    {
        builder.ToTable(table);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.NaturalKey).HasMaxLength(800);
        builder.Property(e => e.SourceLocation).HasMaxLength(500);
        builder.HasIndex(e => new { e.OrganizationId, e.NaturalKey }).IsUnique();
        builder.HasIndex(e => e.CreatedJobId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
