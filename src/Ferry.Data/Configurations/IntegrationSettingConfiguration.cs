using Ferry.Core.Integrations;
using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ferry.Data.Configurations;

sealed class IntegrationSettingConfiguration : IEntityTypeConfiguration<IntegrationSetting>
{
    public void Configure(EntityTypeBuilder<IntegrationSetting> builder)
    {
        builder.ToTable("integration_settings");
        builder.Property(e => e.Integration).HasMaxLength(30);
        builder.Property(e => e.Host).HasMaxLength(255);
        builder.Property(e => e.Company).HasMaxLength(200);
        builder.HasIndex(e => new { e.OrganizationId, e.Integration }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
