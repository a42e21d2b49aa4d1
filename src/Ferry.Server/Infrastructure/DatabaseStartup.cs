using Ferry.Data;
using Ferry.Data.Seeding;
using Ferry.Data.Storage;

namespace Ferry.Server.Infrastructure;

/// <summary>Applies migrations, seeds the demo organization and sweeps stray upload files before the server accepts requests.</summary>
sealed partial class DatabaseStartup(DatabaseOptions database, StorageOptions storage, TimeProvider time, IConfiguration configuration,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var result = await DatabaseInitializer.InitializeAsync(database, configuration["FERRY_ADMIN_EMAIL"], configuration["FERRY_ADMIN_PASSWORD"], cancellationToken);
        if (result.GeneratedPassword is not null)
        {
            LogGeneratedPassword(result.Organization.Name, result.AdminEmail!, result.GeneratedPassword);
        }
        else if (result.AdminEmail is not null)
        {
            LogSeeded(result.Organization.Name, result.AdminEmail);
        }
        if (await StrayUploadSweep.RunAsync(database, storage, time, cancellationToken) is > 0 and var removed)
        {
            LogSwept(removed);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seeded the demo organization '{Organization}'. Super admin: {Email}  password: {Password}  (shown once; set FERRY_ADMIN_PASSWORD to choose it)")]
    partial void LogGeneratedPassword(string organization, string email, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} upload files that no job holds (interrupted or replaced uploads)")]
    partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo organization '{Organization}' with super admin {Email}")]
    partial void LogSeeded(string organization, string email);
}
