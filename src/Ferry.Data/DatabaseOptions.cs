namespace Ferry.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database Ferry uses. The provider is always explicit; it is never guessed from the environment.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, a connection string or just a file path; for PostgreSQL, an Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = "data/ferry.db";

    public string SqliteConnectionString()
    {
        var value = ConnectionString.Contains('=', StringComparison.Ordinal) ? ConnectionString : $"Data Source={ConnectionString}";
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(value) { Pooling = true, DefaultTimeout = 60 };
        return builder.ToString();
    }

    /// <summary>The SQLite database file, for the worker lock that keeps one worker process per file.</summary>
    public string? SqliteFile() => Provider == DatabaseProvider.Sqlite
        ? Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(SqliteConnectionString()).DataSource)
        : null;
}
