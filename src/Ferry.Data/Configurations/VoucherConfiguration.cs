using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ferry.Data.Configurations;

sealed class VoucherConfiguration : IEntityTypeConfiguration<Voucher>
{
    public void Configure(EntityTypeBuilder<Voucher> builder)
    {
        ErpRowConfiguration.Configure(builder, "vouchers");
        builder.Property(e => e.VoucherType).HasMaxLength(30);
        builder.Property(e => e.VoucherTypeName).HasMaxLength(100);
        builder.Property(e => e.Number).HasMaxLength(100);
        builder.Property(e => e.PartyName).HasMaxLength(200);
        builder.HasIndex(e => new { e.OrganizationId, e.Date });
        builder.HasOne<Ledger>().WithMany().HasForeignKey(e => e.PartyLedgerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.LedgerLines).WithOne().HasForeignKey(l => l.VoucherId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.InventoryLines).WithOne().HasForeignKey(l => l.VoucherId).OnDelete(DeleteBehavior.Cascade);
    }
}
