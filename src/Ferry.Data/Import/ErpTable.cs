using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ferry.Data.Import;

/// <summary>
/// An ERP table as the bulk writer sees it: its columns with the provider's type mappings, taken from the EF model
/// so raw SQL binds values exactly as EF would.
/// </summary>
sealed class ErpTable
{
    readonly Dictionary<string, IColumn> _columns;

    ErpTable(string name, IReadOnlyList<IColumn> columns)
    {
        Name = name;
        Columns = columns;
        _columns = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public string Name { get; }

    public IReadOnlyList<IColumn> Columns { get; }

    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, System.Collections.Concurrent.ConcurrentDictionary<Type, ErpTable>> Cache = [];

    /// <summary>The table of an entity type, built once per model.</summary>
    public static ErpTable For(DbContext db, Type entityType) =>
        Cache.GetValue(db.Model, _ => new()).GetOrAdd(entityType, type => Build(db, type));

    static ErpTable Build(DbContext db, Type entityType)
    {
        var entity = db.Model.FindEntityType(entityType) ?? throw new InvalidOperationException($"{entityType.Name} is not in the model.");
        var tableName = entity.GetTableName()!;
        var table = db.Model.GetRelationalModel().Tables.Single(t => t.Name == tableName);
        return new ErpTable(tableName, [.. table.Columns]);
    }

    public bool HasColumn(string name) => _columns.ContainsKey(name);

    public IColumn Column(string name) => _columns[name];

    /// <summary>A parameter typed as EF types the column. Its name carries the '@' the SQL uses, so SQLite binds it
    /// without searching for the prefix on every execution.</summary>
    public DbParameter Parameter(DbCommand command, string column, string name, object? value)
    {
        var mapping = _columns[column];
        return mapping.StoreTypeMapping.CreateParameter(command, "@" + name, value, mapping.IsNullable);
    }

    /// <summary>The value a non-nullable column gets when a record has none.</summary>
    public static object? DefaultFor(IColumn column) =>
        column.IsNullable ? null : column.ProviderClrType.IsValueType ? Activator.CreateInstance(column.ProviderClrType) : "";

    public static object? Read(DbDataReader reader, int ordinal, Type type)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => reader.GetString(ordinal),
            _ when type == typeof(long) => reader.GetInt64(ordinal),
            _ when type == typeof(int) => reader.GetInt32(ordinal),
            _ when type == typeof(decimal) => reader.GetDecimal(ordinal),
            _ when type == typeof(bool) => reader.GetBoolean(ordinal),
            _ when type == typeof(double) => reader.GetDouble(ordinal),
            _ when type == typeof(DateOnly) => reader.GetFieldValue<DateOnly>(ordinal),
            _ when type == typeof(DateTime) => DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc),
            _ when type == typeof(Guid) => reader.GetGuid(ordinal),
            _ => reader.GetValue(ordinal),
        };
    }

    public static bool SameValue(object? a, object? b) => a switch
    {
        null => b is null,
        decimal d when b is decimal e => d == e,
        _ => a.Equals(b),
    };

    public static string Placeholders(string prefix, int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(i == 0 ? "" : ", ").Append('@').Append(prefix).Append(i.ToString(CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
