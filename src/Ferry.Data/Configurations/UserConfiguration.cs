using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ferry.Data.Configurations;

sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.Property(e => e.Email).HasMaxLength(254);
        builder.Property(e => e.DisplayName).HasMaxLength(200);
        builder.Property(e => e.PasswordHash).HasMaxLength(500);
        builder.Property(e => e.Role).HasConversion(new SnakeCaseEnumConverter<UserRole>(UserRole.Standard)).HasMaxLength(40);
        builder.HasIndex(e => e.Email).IsUnique();
        builder.HasIndex(e => e.OrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
