using Ferry.Erp.Model;
using Ferry.Erp.Schemas;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Data.Seeding;

/// <summary>Creates organizations with what every ERP starts with, and their first super admin.</summary>
public static class OrganizationSeeder
{
    public const string DemoSlug = "demo";

    /// <summary>Creates the organization with its standard chart of accounts and default warehouse, unless it exists.</summary>
    public static async Task<Organization> EnsureOrganizationAsync(FerryDbContext db, string slug, string name, CancellationToken cancellationToken)
    {
        var existing = await db.Organizations.FirstOrDefaultAsync(o => o.Slug == slug, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }
        var now = DateTime.UtcNow;
        var organization = new Organization { Id = Guid.CreateVersion7(), Name = name, Slug = slug, CreatedAt = now };
        db.Organizations.Add(organization);
        var groups = new Dictionary<string, AccountGroup>(StringComparer.Ordinal);
        foreach (var (groupName, parent, nature) in StandardChart.Groups)
        {
            var group = new AccountGroup
            {
                OrganizationId = organization.Id,
                Name = groupName,
                NaturalKey = NaturalKeys.Normalize(groupName),
                Nature = nature,
                IsReserved = true,
                Parent = parent is null ? null : groups[parent],
                CreatedAt = now,
                UpdatedAt = now,
            };
            groups[groupName] = group;
            db.AccountGroups.Add(group);
        }
        db.Warehouses.Add(new Warehouse
        {
            OrganizationId = organization.Id,
            Name = "Main Location",
            NaturalKey = NaturalKeys.Normalize("Main Location"),
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return organization;
    }

    /// <summary>Adds a user; returns null when the e-mail is taken.</summary>
    public static async Task<User?> AddUserAsync(FerryDbContext db, Guid organizationId, string email, string password, UserRole role, CancellationToken cancellationToken)
    {
        email = email.Trim().ToLowerInvariant();
        if (await db.Users.IgnoreQueryFilters([FerryDbContext.TenantFilter]).AnyAsync(u => u.Email == email, cancellationToken))
        {
            return null;
        }
        var user = new User
        {
            OrganizationId = organizationId,
            Email = email,
            DisplayName = email,
            Role = role,
            PasswordHash = "",
            CreatedAt = DateTime.UtcNow,
        };
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }
}
