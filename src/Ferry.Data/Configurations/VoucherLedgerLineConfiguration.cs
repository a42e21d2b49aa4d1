using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ferry.Data.Configurations;

sealed class VoucherLedgerLineConfiguration : IEntityTypeConfiguration<VoucherLedgerLine>
{
    public void Configure(EntityTypeBuilder<VoucherLedgerLine> builder)
    {
        builder.ToTable("voucher_ledger_lines");
        builder.Property(e => e.LedgerName).HasMaxLength(200);
        builder.HasIndex(e => new { e.VoucherId, e.LineNo }).IsUnique();
        builder.HasIndex(e => new { e.OrganizationId, e.LedgerId });
        builder.HasOne<Ledger>().WithMany().HasForeignKey(e => e.LedgerId).OnDelete(DeleteBehavior.Restrict);
    }
}
