using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ferry.Data;

/// <summary>
/// WAL with synchronous=NORMAL: commits are durable at each batch without an fsync per row
/// (docs/decisions/0003-sqlite-settings.md).
/// </summary>
sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>One instance for every context, so EF keeps one internal service provider and one model.</summary>
    public static readonly SqlitePragmas Instance = new();

    const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
