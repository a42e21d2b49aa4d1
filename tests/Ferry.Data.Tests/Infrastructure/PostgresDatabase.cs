using Npgsql;

namespace Ferry.Tests.Fixtures;

/// <summary>
/// A database of its own on the PostgreSQL server named by FERRY_TEST_POSTGRES (scripts/test.sh starts one),
/// dropped when disposed. Without a server the test is skipped, or fails when FERRY_TEST_REQUIRE_POSTGRES=1.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    readonly string _server;
    readonly string _name;

    PostgresDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync(CancellationToken cancellationToken)
    {
        var server = ServerConnectionString();
        var database = new PostgresDatabase(server, "ferry_test_" + Guid.NewGuid().ToString("N"));
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {database._name}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return database;
    }

    static string ServerConnectionString()
    {
        var value = Environment.GetEnvironmentVariable("FERRY_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }
        if (Environment.GetEnvironmentVariable("FERRY_TEST_REQUIRE_POSTGRES") == "1")
        {
            Assert.Fail("FERRY_TEST_REQUIRE_POSTGRES=1 but FERRY_TEST_POSTGRES is not set: start PostgreSQL (scripts/test.sh does) and set FERRY_TEST_POSTGRES to its connection string.");
        }
        Assert.Skip("FERRY_TEST_POSTGRES is not set; PostgreSQL tests are skipped (scripts/test.sh starts a server and sets it).");
        return "";
    }

    public async ValueTask DisposeAsync()
    {
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        await using var server = new NpgsqlConnection(_server);
        await server.OpenAsync(CancellationToken.None);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
