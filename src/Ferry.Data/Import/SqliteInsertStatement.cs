using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Ferry.Data.Import;

/// <summary>
/// One prepared INSERT bound by position straight on the SQLite handle. Microsoft.Data.Sqlite looks every parameter
/// up by name on each execution; on a 25-column row that costs more than the insert itself. Values are provider
/// values, formatted exactly as Microsoft.Data.Sqlite stores EF-typed parameters, so rows read back alike. Text goes in
/// as UTF-16 for SQLite to convert without a managed copy; text with surrogates takes .NET's UTF-8 path, which is the
/// one that replaces a lone surrogate the way Microsoft.Data.Sqlite does.
/// </summary>
sealed class SqliteInsertStatement : IDisposable
{
    readonly sqlite3 _db;
    readonly sqlite3_stmt _statement;
    readonly int _parameters;

    public SqliteInsertStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out _statement, out _);
        SqliteException.ThrowExceptionForRC(rc, _db);
        _parameters = raw.sqlite3_bind_parameter_count(_statement);
    }

    /// <summary>Binds the values to the parameters in order of appearance and runs the insert; the rows it wrote.</summary>
    public int Execute(ReadOnlySpan<object?> values)
    {
        if (values.Length != _parameters)
        {
            throw new ArgumentException($"The statement has {_parameters} parameters, not {values.Length}.", nameof(values));
        }
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                Bind(i + 1, values[i]);
            }
            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    void Bind(int index, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, index),
            string text when !text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') => raw.sqlite3_bind_text16(_statement, index, text),
            string text => raw.sqlite3_bind_text(_statement, index, text),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            short number => raw.sqlite3_bind_int64(_statement, index, number),
            byte number => raw.sqlite3_bind_int64(_statement, index, number),
            bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
            double real => raw.sqlite3_bind_double(_statement, index, real),
            float real => raw.sqlite3_bind_double(_statement, index, real),
            decimal amount => raw.sqlite3_bind_text(_statement, index, amount.ToString("0.0###########################", CultureInfo.InvariantCulture)),
            DateTime time => raw.sqlite3_bind_text(_statement, index, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            DateOnly date => raw.sqlite3_bind_text(_statement, index, date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            Guid id => raw.sqlite3_bind_text(_statement, index, id.ToString().ToUpperInvariant()),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
            _ => throw new NotSupportedException($"Values of type {value.GetType().Name} are not written by the bulk writer."),
        };
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _statement.Dispose();
}
