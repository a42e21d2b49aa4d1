using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ferry.Data.Configurations;

sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        ErpRowConfiguration.Configure(builder, "units");
        builder.Property(e => e.Symbol).HasMaxLength(30);
        builder.Property(e => e.BaseUnitSymbol).HasMaxLength(30);
        builder.Property(e => e.AdditionalUnitSymbol).HasMaxLength(30);
        builder.HasOne<Unit>().WithMany().HasForeignKey(e => e.BaseUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(e => e.AdditionalUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
