using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ferry.Data.Configurations;

sealed class VoucherInventoryLineConfiguration : IEntityTypeConfiguration<VoucherInventoryLine>
{
    public void Configure(EntityTypeBuilder<VoucherInventoryLine> builder)
    {
        builder.ToTable("voucher_inventory_lines");
        builder.Property(e => e.ItemName).HasMaxLength(200);
        builder.Property(e => e.WarehouseName).HasMaxLength(200);
        builder.Property(e => e.Batch).HasMaxLength(100);
        builder.HasIndex(e => new { e.VoucherId, e.LineNo }).IsUnique();
        builder.HasIndex(e => new { e.OrganizationId, e.ProductId });
        builder.HasOne<Product>().WithMany().HasForeignKey(e => e.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(e => e.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}
