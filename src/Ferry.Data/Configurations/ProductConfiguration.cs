using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ferry.Data.Configurations;

sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        ErpRowConfiguration.Configure(builder, "products");
        builder.Property(e => e.Sku).HasMaxLength(100);
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.ProductType).HasMaxLength(20);
        builder.Property(e => e.HsnSac).HasMaxLength(20);
        builder.Property(e => e.UnitSymbol).HasMaxLength(30);
        builder.HasOne<Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
