using System.Security.Cryptography;
using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Data.Seeding;

/// <summary>Applies migrations and, on first start, seeds the demo organization with one super admin.</summary>
public static class DatabaseInitializer
{
    public sealed record Result(Organization Organization, string? AdminEmail, string? GeneratedPassword);

    public static async Task<Result> InitializeAsync(DatabaseOptions database, string? adminEmail, string? adminPassword, CancellationToken cancellationToken)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(database);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        var organization = await OrganizationSeeder.EnsureOrganizationAsync(db, OrganizationSeeder.DemoSlug, "Demo Traders Pvt Ltd", cancellationToken);
        var hasUsers = await db.Users.IgnoreQueryFilters([FerryDbContext.TenantFilter]).AnyAsync(u => u.OrganizationId == organization.Id, cancellationToken);
        if (hasUsers)
        {
            return new Result(organization, null, null);
        }
        var email = string.IsNullOrWhiteSpace(adminEmail) ? "admin@demo.local" : adminEmail;
        var generated = string.IsNullOrEmpty(adminPassword) ? GeneratePassword() : null;
        await OrganizationSeeder.AddUserAsync(db, organization.Id, email, adminPassword is { Length: > 0 } ? adminPassword : generated!, UserRole.SuperAdmin, cancellationToken);
        return new Result(organization, email, generated);
    }

    static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');
}
