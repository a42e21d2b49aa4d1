using Ferry.Data.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ferry.Data.Tests.Import;

/// <summary>
/// The bulk writer binds straight on the SQLite handle. Whatever it stores must be byte for byte what a parameter
/// typed by EF's own mapping stores, or EF queries and the rollback's before-images would not match the rows.
/// </summary>
public sealed class SqliteInsertStatementTests
{
    public static TheoryData<string, object?> Values => new()
    {
        { "text with quotes and non-ASCII", "O'Brien & Sons — ₹ नमस्ते" },
        { "empty text", "" },
        { "text with a surrogate pair", "Ganesh Stores 🙏 Pune" },
        { "text with a lone surrogate", "broken \uD83D export" },
        { "text with NUL and control characters", "a\u0000b\u0004c" },
        { "long", 9_007_199_254_740_993L },
        { "int", -42 },
        { "bool", true },
        { "double", 0.1 + 0.2 },
        { "decimal with trailing zeros", 1234.5600m },
        { "decimal zero", 0m },
        { "negative decimal", -0.33m },
        { "largest decimal", decimal.MaxValue },
        { "date and time with ticks", new DateTime(2024, 3, 31, 16, 40, 33, DateTimeKind.Utc).AddTicks(1234567) },
        { "date", new DateOnly(2024, 3, 31) },
        { "guid", Guid.Parse("01a20f70-cf77-78c4-b55f-4b3415c17882") },
        { "bytes", new byte[] { 0, 1, 254, 255 } },
        { "null", null },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_is_stored_exactly_as_an_EF_typed_parameter_stores_it(string kind, object? value)
    {
        using var db = DataServiceCollectionExtensions.CreateContext(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" });
        db.Database.OpenConnection();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        Execute(connection, "CREATE TABLE t (path TEXT, v)");

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO t (path, v) VALUES ('ef', @v)";
            var mapping = value is null
                ? db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(string))!
                : db.GetService<IRelationalTypeMappingSource>().FindMapping(value.GetType())!;
            command.Parameters.Add(mapping.CreateParameter(command, "@v", value));
            command.ExecuteNonQuery();
        }
        using (var statement = new SqliteInsertStatement(connection, "INSERT INTO t (path, v) VALUES ('raw', @v)"))
        {
            Assert.Equal(1, statement.Execute([value]));
        }

        var stored = Query(connection, "SELECT path, typeof(v) || ':' || quote(v) FROM t ORDER BY path");
        Assert.True(stored["ef"] == stored["raw"], $"{kind}: EF stored {stored["ef"]}, the bulk writer {stored["raw"]}");
    }

    [Fact]
    public void A_conflict_ignored_by_the_statement_reports_no_row_written_and_the_statement_stays_usable()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE t (k TEXT UNIQUE, n INTEGER)");
        using var statement = new SqliteInsertStatement(connection, "INSERT INTO t (k, n) VALUES (@k, @n) ON CONFLICT (k) DO NOTHING");

        Assert.Equal(1, statement.Execute(["a", 1L]));
        Assert.Equal(0, statement.Execute(["a", 2L]));
        Assert.Equal(1, statement.Execute(["b", 3L]));

        Assert.Equal("a=1,b=3", Query(connection, "SELECT 'x', group_concat(k || '=' || n, ',') FROM (SELECT * FROM t ORDER BY k)")["x"]);
    }

    [Fact]
    public void A_constraint_violation_throws_the_SQLite_error_and_the_statement_stays_usable()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE t (k TEXT NOT NULL)");
        using var statement = new SqliteInsertStatement(connection, "INSERT INTO t (k) VALUES (@k)");

        var error = Assert.Throws<SqliteException>(() => statement.Execute([null]));
        Assert.Equal(19, error.SqliteErrorCode);
        Assert.Contains("NOT NULL", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, statement.Execute(["after"]));
    }

    [Fact]
    public void A_value_count_that_does_not_match_the_parameters_is_refused_before_anything_is_written()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE t (a, b)");
        using var statement = new SqliteInsertStatement(connection, "INSERT INTO t (a, b) VALUES (@a, @b)");

        Assert.Throws<ArgumentException>(() => statement.Execute(["only one"]));
        Assert.Equal("0", Query(connection, "SELECT 'n', count(*) FROM t")["n"]);
    }

    static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    static Dictionary<string, string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            rows[reader.GetString(0)] = Convert.ToString(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)!;
        }
        return rows;
    }
}
