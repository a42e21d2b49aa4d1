using Ferry.Data;
using Ferry.Data.Runs;
using Ferry.Data.Storage;
using Ferry.Sources;

namespace Ferry.Cli;

/// <summary>The database and upload folder a command works on: SQLite by default, PostgreSQL with --connection.</summary>
sealed record CliDatabase(DatabaseOptions Database, StorageOptions Storage, WorkerOptions Worker)
{
    /// <summary>How much of one file the command reads, --max-columns and --max-tables.</summary>
    public SourceOptions Sources { get; init; } = new();

    public static CliDatabase From(string? sqlitePath, string? postgres)
    {
        var database = postgres is not null
            ? new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = postgres }
            : new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = sqlitePath ?? "data/ferry.db" };
        var folder = database.SqliteFile() is { } file ? Path.GetDirectoryName(file)! : Path.GetFullPath("data");
        return new CliDatabase(database, new StorageOptions { UploadRoot = Path.Combine(folder, "uploads") }, new WorkerOptions());
    }
}
