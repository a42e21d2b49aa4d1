using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ferry.Data.Configurations;

sealed class CompanyProfileConfiguration : IEntityTypeConfiguration<CompanyProfile>
{
    public void Configure(EntityTypeBuilder<CompanyProfile> builder)
    {
        ErpRowConfiguration.Configure(builder, "company_profiles");
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.Gstin).HasMaxLength(15);
        builder.Property(e => e.Pan).HasMaxLength(10);
        builder.Property(e => e.BaseCurrency).HasMaxLength(3);
    }
}
