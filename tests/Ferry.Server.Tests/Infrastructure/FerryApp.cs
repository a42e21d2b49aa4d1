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

    readonly Dictionary<string, string> _settings;

    public FerryApp() : this(new Dictionary<string, string>())
    {
    }

    /// <param name="settings">Configuration that differs from the defaults below, e.g. "Ferry:Role" = "api".</param>
    protected FerryApp(Dictionary<string, string> settings)
    {
        _settings = settings;
        Folder = Path.Combine(Path.GetTempPath(), "ferry-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>The access-token signing key this server is configured with.</summary>
    public byte[] SigningKey { get; } = RandomNumberGenerator.GetBytes(32);

    string DatabaseFile => Path.Combine(Folder, "ferry.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string>
        {
            ["Ferry:Role"] = "all",
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = DatabaseFile,
            ["Storage:UploadRoot"] = Path.Combine(Folder, "uploads"),
            ["FERRY_ADMIN_EMAIL"] = AdminEmail,
            ["FERRY_ADMIN_PASSWORD"] = AdminPassword,
            ["Worker:PollInterval"] = "00:00:00.100",
            ["Auth:SigningKey"] = Convert.ToBase64String(SigningKey),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Integrations:AllowedHosts:0"] = "127.0.0.1", // where the Tally stand-ins listen
        };
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
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
public sealed class ApiOnlyFerryApp() : FerryApp(new() { ["Ferry:Role"] = "api" });

/// <summary>A server that accepts uploads of at most 1 KiB.</summary>
public sealed class SmallUploadFerryApp() : FerryApp(new() { ["Storage:MaxUploadBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) })
{
    public const long Limit = 1024;
}

/// <summary>A server that reads tables of at most three columns.</summary>
public sealed class NarrowTablesFerryApp() : FerryApp(new() { ["Sources:MaxColumns"] = "3" });

/// <summary>A server whose migrations may be rolled back for one millisecond after they finish, i.e. never in practice.</summary>
public sealed class NoRollbackWindowFerryApp() : FerryApp(new() { ["Worker:RollbackWindow"] = "00:00:00.001" });
