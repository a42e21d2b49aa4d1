using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ferry.Data.Configurations;

sealed class WarehouseConfiguration : IEntityTypeConfiguration<Warehouse>
{
    public void Configure(EntityTypeBuilder<Warehouse> builder)
    {
        ErpRowConfiguration.Configure(builder, "warehouses");
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.ParentName).HasMaxLength(200);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(e => e.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
