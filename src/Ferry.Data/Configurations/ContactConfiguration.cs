using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ferry.Data.Configurations;

sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        ErpRowConfiguration.Configure(builder, "contacts");
        builder.Property(e => e.DisplayName).HasMaxLength(200);
        builder.Property(e => e.ContactType).HasMaxLength(20);
        builder.Property(e => e.Gstin).HasMaxLength(15);
        builder.Property(e => e.Pan).HasMaxLength(10);
        builder.Property(e => e.OpeningBalanceSide).HasMaxLength(2);
        builder.Property(e => e.Currency).HasMaxLength(3);
        builder.OwnsOne(e => e.Billing, a => MapAddress(a, "billing"));
        builder.OwnsOne(e => e.Shipping, a => MapAddress(a, "shipping"));
        builder.Navigation(e => e.Billing).IsRequired();
        builder.Navigation(e => e.Shipping).IsRequired();
        builder.HasOne<Ledger>().WithMany().HasForeignKey(e => e.LedgerId).OnDelete(DeleteBehavior.SetNull);
    }

    static void MapAddress(OwnedNavigationBuilder<Contact, Address> address, string prefix)
    {
        address.Property(a => a.Line1).HasColumnName($"{prefix}_line1").HasMaxLength(300);
        address.Property(a => a.Line2).HasColumnName($"{prefix}_line2").HasMaxLength(300);
        address.Property(a => a.City).HasColumnName($"{prefix}_city").HasMaxLength(100);
        address.Property(a => a.State).HasColumnName($"{prefix}_state").HasMaxLength(100);
        address.Property(a => a.PinCode).HasColumnName($"{prefix}_pin_code").HasMaxLength(20);
        address.Property(a => a.Country).HasColumnName($"{prefix}_country").HasMaxLength(100);
    }
}
