using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ferry.Data.Configurations;

sealed class AccountGroupConfiguration : IEntityTypeConfiguration<AccountGroup>
{
    public void Configure(EntityTypeBuilder<AccountGroup> builder)
    {
        ErpRowConfiguration.Configure(builder, "account_groups");
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.ParentName).HasMaxLength(200);
        builder.Property(e => e.Nature).HasConversion(new SnakeCaseEnumConverter<AccountNature>(AccountNature.Assets)).HasMaxLength(20);
        builder.HasOne(e => e.Parent).WithMany().HasForeignKey(e => e.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
