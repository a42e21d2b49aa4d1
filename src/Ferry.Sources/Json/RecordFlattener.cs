using System.Globalization;
using System.Text;
using System.Text.Json;
using Ferry.Core.Sources;
using Ferry.Sources.Tables;

namespace Ferry.Sources.Json;

/// <summary>
/// Flattens records into rows: nested objects into dotted column names, arrays of scalars into one joined value,
/// and arrays of objects into rows of child tables that point back to their parent row. Describing a file, it learns
/// each table's columns and row count; reading one table, it keeps the values of that table's rows.
/// </summary>
sealed class RecordFlattener
{
    const string JoinSeparator = "; ";

    readonly Dictionary<string, JsonTableShape> _tables = new(StringComparer.Ordinal);
    readonly List<JsonTableShape> _order = [];
    /// <summary>Describing, the limits a file is refused past; reading a table of a described file, null.</summary>
    readonly SourceOptions? _limits;
    readonly JsonTableShape? _target;
    readonly JsonTableShape? _parent;
    readonly (int From, int To)[] _inherited = [];
    readonly List<RowValues> _childrenOfParentRow = [];
    readonly List<(int To, string Value)> _inheritedValues = [];
    readonly HashSet<string> _needed = new(StringComparer.Ordinal);
    readonly Queue<JsonRow> _rows = new();
    readonly List<(string Name, long Index)> _place = [];
    readonly StringBuilder _text = new();
    ReadOnlyMemory<byte> _record;

    enum ArrayContents { Nothing, Scalars, Objects, Mixed }

    /// <summary>A flattener that learns the tables of a file, refusing one past the limits.</summary>
    public RecordFlattener(SourceOptions limits)
    {
        _limits = limits;
    }

    /// <summary>A flattener that keeps the rows of <paramref name="target"/>, in the columns the layout gives it.</summary>
    public RecordFlattener(JsonLayout layout, JsonTable target)
    {
        _target = new JsonTableShape(target);
        _tables.Add(target.Name, _target);
        if (target.Parent is not null && layout.Tables.FirstOrDefault(t => t.Name == target.Parent) is { } parent)
        {
            _parent = new JsonTableShape(parent);
            _tables.Add(parent.Name, _parent);
            _inherited = [.. parent.Columns.Select((column, from) => (from, To: IndexOf(target.Columns, JsonTableShape.InheritedName(parent.Name, column))))
                .Where(p => p.To >= 0 && parent.Columns[p.from] != JsonTableShape.ParentColumn)];
        }
        for (JsonTable? table = target; table is not null; table = layout.Tables.FirstOrDefault(t => t.Name == table.Parent))
        {
            _needed.Add(table.Name);
        }
    }

    bool Describing => _target is null;

    public IReadOnlyList<JsonTable> DescribeTables() => [.. _order.Select(t => t.Describe(_tables))];

    public void AddTable(string name) => Shape(name, parent: null);

    public void Flatten(ReadOnlyMemory<byte> record, string table)
    {
        var shape = Shape(table, parent: null);
        _record = record;
        var reader = new Utf8JsonReader(record.Span, JsonRecordStream.Options(lines: false));
        reader.Read();
        var number = ++shape.RowCount;
        _place.Add(("record", number));
        try
        {
            Row(ref reader, shape, number, parentNumber: 0);
        }
        catch (InvalidOperationException e)
        {
            throw new SourceFormatException($"A value in {Location()} of {table} cannot be read as text: {e.Message}", e);
        }
        _place.Clear();
    }

    public bool TryTakeRow(out JsonRow row) => _rows.TryDequeue(out row);

    void Row(ref Utf8JsonReader reader, JsonTableShape table, long number, long parentNumber)
    {
        var values = table == _target || table == _parent ? new RowValues() : null;
        if (values is not null && table.Parent is not null)
        {
            values[0] = parentNumber.ToString(CultureInfo.InvariantCulture);
        }
        var location = table == _target ? Location() : null;
        Fields(ref reader, table, table.Root, number, values);
        if (table == _target)
        {
            _rows.Enqueue(new JsonRow(number, location!, values!));
            if (_parent is not null)
            {
                _childrenOfParentRow.Add(values!);
            }
        }
        else if (table == _parent)
        {
            // The parent's fields may come after its array of children, so they are copied once the parent row is
            // whole; only those with a value, so a child row costs the parent's values rather than its columns.
            _inheritedValues.Clear();
            foreach (var (from, to) in _inherited)
            {
                if (values![from] is { } value)
                {
                    _inheritedValues.Add((to, value));
                }
            }
            foreach (var child in _childrenOfParentRow)
            {
                foreach (var (to, value) in _inheritedValues)
                {
                    child[to] = value;
                }
            }
            _childrenOfParentRow.Clear();
        }
    }

    static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == name)
            {
                return i;
            }
        }
        return -1;
    }

    /// <returns>Whether the object had any field.</returns>
    bool Fields(ref Utf8JsonReader reader, JsonTableShape table, ColumnPath prefix, long number, RowValues? values)
    {
        var any = false;
        var next = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            any = true;
            var column = prefix.Child(ref reader, ref next);
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    if (!Fields(ref reader, table, column, number, values))
                    {
                        Slot(table, column, values, empty: true);
                    }
                    break;
                case JsonTokenType.StartArray:
                    Array(ref reader, table, column, number, values);
                    break;
                case JsonTokenType.Null:
                    Slot(table, column, values, empty: true);
                    break;
                default:
                    if (Slot(table, column, values) is var slot and >= 0)
                    {
                        values![slot] = Scalar(ref reader);
                    }
                    break;
            }
        }
        return any;
    }

    void Array(ref Utf8JsonReader reader, JsonTableShape table, ColumnPath column, long number, RowValues? values)
    {
        var contents = Contents(reader);
        if (contents == ArrayContents.Objects)
        {
            Children(ref reader, column.ChildTable ??= Shape(table.Name + "." + column.Name, table.Name), column.Name, number);
            return;
        }
        var slot = Slot(table, column, values, empty: contents == ArrayContents.Nothing);
        if (slot < 0)
        {
            reader.Skip();
        }
        else if (contents == ArrayContents.Scalars)
        {
            values![slot] = Joined(ref reader);
        }
        else
        {
            // Arrays of arrays, or objects mixed with scalars, have no flat form; the JSON itself is the value.
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            values![slot] = Encoding.UTF8.GetString(_record.Span[start..(int)reader.BytesConsumed]);
        }
    }

    void Children(ref Utf8JsonReader reader, JsonTableShape child, string key, long parentNumber)
    {
        if (!child.Needed)
        {
            reader.Skip();
            return;
        }
        var index = 0L;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            index++;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                _place.Add((key, index));
                Row(ref reader, child, ++child.RowCount, parentNumber);
                _place.RemoveAt(_place.Count - 1);
            }
        }
    }

    /// <summary>Where a field's value goes in <paramref name="values"/>, or -1 when it is not kept; describing, notes the column.</summary>
    int Slot(JsonTableShape table, ColumnPath column, RowValues? values, bool empty = false)
    {
        if (Describing)
        {
            table.Register(column, empty);
            return -1;
        }
        return values is null || empty ? -1 : table.OrdinalOf(column);
    }

    JsonTableShape Shape(string name, string? parent)
    {
        if (!_tables.TryGetValue(name, out var shape))
        {
            if (_limits is { } limits && _order.Count == limits.MaxTables)
            {
                throw SourceLimits.TooManyTables("The JSON file", null, limits.MaxTables);
            }
            shape = new JsonTableShape(name, parent, _limits?.MaxColumns ?? int.MaxValue) { Needed = Describing || _needed.Contains(name) };
            _tables.Add(name, shape);
            _order.Add(shape);
        }
        return shape;
    }

    /// <summary>Looks through an array on a copy of the reader, leaving the reader where it was.</summary>
    static ArrayContents Contents(Utf8JsonReader probe)
    {
        bool objects = false, scalars = false, arrays = false;
        while (probe.Read() && probe.TokenType != JsonTokenType.EndArray)
        {
            switch (probe.TokenType)
            {
                case JsonTokenType.StartObject:
                    objects = true;
                    probe.Skip();
                    break;
                case JsonTokenType.StartArray:
                    arrays = true;
                    probe.Skip();
                    break;
                case JsonTokenType.Null:
                    break;
                default:
                    scalars = true;
                    break;
            }
        }
        return (objects, scalars, arrays) switch
        {
            (false, false, false) => ArrayContents.Nothing,
            (true, false, false) => ArrayContents.Objects,
            (false, true, false) => ArrayContents.Scalars,
            _ => ArrayContents.Mixed,
        };
    }

    string? Joined(ref Utf8JsonReader reader)
    {
        _text.Clear();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (Scalar(ref reader) is { } text)
            {
                if (_text.Length > 0)
                {
                    _text.Append(JoinSeparator);
                }
                _text.Append(text);
            }
        }
        return _text.Length == 0 ? null : _text.ToString();
    }

    /// <summary>A value's text as written: numbers keep their digits, strings are unescaped; empty and null are null.</summary>
    static string? Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.ValueSpan.IsEmpty ? null : reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };

    /// <summary>"record 3", or for a child row "record 3, line_items 2": the record and the place in each array under it.</summary>
    string Location()
    {
        _text.Clear();
        foreach (var (name, index) in _place)
        {
            _text.Append(_text.Length == 0 ? "" : ", ").Append(name).Append(' ').Append(index.ToString(CultureInfo.InvariantCulture));
        }
        return _text.ToString();
    }
}
