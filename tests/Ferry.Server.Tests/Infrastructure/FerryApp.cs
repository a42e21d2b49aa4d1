using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Ferry.Data;
using Ferry.Data.Seeding;
using Ferry.Erp.Model;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Ferry.Server.Tests.Infrastructure;

/// <summary>
/// The whole server in process over its own SQLite file in a fresh temporary folder, with the demo organization's
/// super admin seeded from configuration. The folder is deleted when the fixture is disposed.
/// </summary>
public class FerryApp : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@ferry.test";
    public const string AdminPassword = "Admin-Password-1";

    readonly string _role;
    readonly long _maxUploadBytes;

    public FerryApp() : this("all", 10 * 1024 * 1024)
    {
    }

    protected FerryApp(string role, long maxUploadBytes)
    {
        _role = role;
        _maxUploadBytes = maxUploadBytes;
        Folder = Path.Combine(Path.GetTempPath(), "ferry-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    string DatabaseFile => Path.Combine(Folder, "ferry.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Ferry:Role", _role);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", DatabaseFile);
        builder.UseSetting("Storage:UploadRoot", Path.Combine(Folder, "uploads"));
        builder.UseSetting("Storage:MaxUploadBytes", _maxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("FERRY_ADMIN_EMAIL", AdminEmail);
        builder.UseSetting("FERRY_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("Worker:PollInterval", "00:00:00.100");
        builder.UseSetting("Auth:SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    /// <summary>A client signed in as the demo organization's super admin.</summary>
    public Task<HttpClient> AdminClientAsync() => SignedInClientAsync(AdminEmail, AdminPassword);

    public async Task<HttpClient> SignedInClientAsync(string email, string password)
    {
        var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return client;
    }

    /// <summary>A client signed in to an organization created for the calling test alone, so no other test's jobs or rows are visible.</summary>
    public async Task<HttpClient> ClientOfNewOrganizationAsync(UserRole role = UserRole.SuperAdmin)
    {
        var tag = TestData.Tag().ToLowerInvariant();
        var email = $"user-{tag}@ferry.test";
        var password = $"Password-{tag}";
        await AddOrganizationAsync($"org-{tag}", email, password, role);
        return await SignedInClientAsync(email, password);
    }

    /// <summary>Creates another organization (standard chart, main warehouse) with one user, straight in the database.</summary>
    public async Task<Guid> AddOrganizationAsync(string slug, string email, string password, UserRole role = UserRole.SuperAdmin)
    {
        // The host starts (and migrates the database) on first use of Services.
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FerryDbContext>();
        var organization = await OrganizationSeeder.EnsureOrganizationAsync(db, slug, $"{slug} organization", TestContext.Current.CancellationToken);
        var user = await OrganizationSeeder.AddUserAsync(db, organization.Id, email, password, role, TestContext.Current.CancellationToken);
        Assert.NotNull(user);
        return organization.Id;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearPool(new SqliteConnection(new DatabaseOptions { ConnectionString = DatabaseFile }.SqliteConnectionString()));
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS temp cleaner; it never affects another test.
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>A server that serves the API but runs no job worker: queued jobs stay queued.</summary>
public sealed class ApiOnlyFerryApp() : FerryApp("api", 10 * 1024 * 1024);

/// <summary>A server that accepts uploads of at most 1 KiB.</summary>
public sealed class SmallUploadFerryApp() : FerryApp("all", SmallUploadFerryApp.Limit)
{
    public const long Limit = 1024;
}
