using Ferry.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Ferry.Server.Tests.Features.Fuzz;

/// <summary>
/// The whole server over a database of its own on the PostgreSQL server named by FERRY_TEST_POSTGRES, created when
/// the host is first built and dropped on dispose. PostgreSQL enforces what SQLite lets through: column lengths and
/// text without NUL characters.
/// </summary>
public sealed class PostgresFerryApp : FerryApp
{
    public const string ServerVariable = "FERRY_TEST_POSTGRES";

    string? _database;
    string? _connectionString;

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var server = ServerConnectionString ?? throw new InvalidOperationException($"{ServerVariable} is not set.");
        _database = "ferry_fuzz_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
            create.ExecuteNonQuery();
        }
        _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString;
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("Database:ConnectionString", _connectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is null || ServerConnectionString is not { } server)
        {
            return;
        }
        using (var pooled = new NpgsqlConnection(_connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(CancellationToken.None);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
