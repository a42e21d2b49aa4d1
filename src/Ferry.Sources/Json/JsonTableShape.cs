using Ferry.Sources.Tables;

namespace Ferry.Sources.Json;

/// <summary>One table met while walking a file: its columns and how many rows it has had so far.</summary>
sealed class JsonTableShape
{
    public const string ParentColumn = "_parent";

    readonly List<ColumnPath> _columns = [];
    readonly Dictionary<string, int>? _layoutOrdinals;
    readonly int _maxColumns;

    /// <summary>A table whose columns are learnt as its rows are walked.</summary>
    /// <param name="maxColumns">More distinct fields than this are refused: the keys most likely hold data (ids, dates), not field names.</param>
    public JsonTableShape(string name, string? parent, int maxColumns)
    {
        Name = name;
        Parent = parent;
        _maxColumns = maxColumns;
    }

    /// <summary>A table whose columns are fixed by a layout; keys it does not list are not kept.</summary>
    public JsonTableShape(JsonTable table)
    {
        Name = table.Name;
        Parent = table.Parent;
        _layoutOrdinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = table.Parent is null ? 0 : 1; i < table.Columns.Count; i++)
        {
            _layoutOrdinals.TryAdd(table.Columns[i], i);
        }
        ColumnCount = table.Columns.Count;
    }

    public string Name { get; }

    public string? Parent { get; }

    public ColumnPath Root { get; } = new("");

    public long RowCount { get; set; }

    /// <summary>Whether its rows, or rows nested in them, are wanted; a table that is not is skipped unread.</summary>
    public bool Needed { get; init; } = true;

    /// <summary>Length of a row of the table as laid out.</summary>
    public int ColumnCount { get; }

    public void Register(ColumnPath column, bool empty)
    {
        if (column.Ordinal != ColumnPath.Unresolved)
        {
            column.OnlyEmpty &= empty;
            return;
        }
        if (Parent is not null && column.Name == ParentColumn)
        {
            column.Ordinal = -1;
            return;
        }
        if (_columns.Count == _maxColumns)
        {
            throw SourceLimits.TooManyFields($"The table '{Name}' (by its record {RowCount})", _maxColumns);
        }
        column.Ordinal = _columns.Count;
        column.OnlyEmpty = empty;
        _columns.Add(column);
    }

    public int OrdinalOf(ColumnPath column)
    {
        if (column.Ordinal == ColumnPath.Unresolved)
        {
            column.Ordinal = _layoutOrdinals!.GetValueOrDefault(column.Name, -1);
        }
        return column.Ordinal;
    }

    /// <summary>
    /// The table's columns: "_parent" for a child table, its own fields, then the parent row's own fields named
    /// after the parent ("salesorders.customer_name"), so a child row can be imported on its own.
    /// </summary>
    public JsonTable Describe(IReadOnlyDictionary<string, JsonTableShape> tables)
    {
        var own = OwnColumns(tables);
        var names = new List<string>(own.Count + 1);
        if (Parent is not null)
        {
            names.Add(ParentColumn);
        }
        names.AddRange(own);
        if (Parent is not null && tables.TryGetValue(Parent, out var parent))
        {
            names.AddRange(parent.OwnColumns(tables).Select(c => InheritedName(Parent, c)).Where(c => !own.Contains(c)));
        }
        return new JsonTable(Name, Parent, names, RowCount);
    }

    /// <summary>The name a field of the parent table has in its child table.</summary>
    public static string InheritedName(string parent, string column) => parent[(parent.LastIndexOf('.') + 1)..] + "." + column;

    List<string> OwnColumns(IReadOnlyDictionary<string, JsonTableShape> tables) =>
        [.. _columns.Where(c => !c.OnlyEmpty || !HeldElsewhere(c, tables)).Select(c => c.Name)];

    /// <summary>Whether a key that was only ever null, [] or {} had content in other records, as a child table or nested fields.</summary>
    bool HeldElsewhere(ColumnPath column, IReadOnlyDictionary<string, JsonTableShape> tables)
    {
        var nested = column.Name + ".";
        return tables.ContainsKey(Name + "." + column.Name) || _columns.Exists(c => c.Name.StartsWith(nested, StringComparison.Ordinal));
    }
}
