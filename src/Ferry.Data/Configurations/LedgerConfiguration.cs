using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ferry.Data.Configurations;

sealed class LedgerConfiguration : IEntityTypeConfiguration<Ledger>
{
    public void Configure(EntityTypeBuilder<Ledger> builder)
    {
        ErpRowConfiguration.Configure(builder, "ledgers");
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.GroupName).HasMaxLength(200);
        builder.Property(e => e.OpeningBalanceSide).HasMaxLength(2);
        builder.Property(e => e.Gstin).HasMaxLength(15);
        builder.Property(e => e.Pan).HasMaxLength(10);
        builder.Property(e => e.Ifsc).HasMaxLength(11);
        builder.Property(e => e.Currency).HasMaxLength(3);
        builder.HasOne(e => e.Group).WithMany().HasForeignKey(e => e.GroupId).OnDelete(DeleteBehavior.Restrict);
    }
}
