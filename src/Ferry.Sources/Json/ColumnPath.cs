using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Ferry.Sources.Json;

/// <summary>
/// A dotted column name within one table and the names nested under it, so that each name is built once per file
/// rather than once per record.
/// </summary>
sealed class ColumnPath(string name)
{
    public const int Unresolved = int.MinValue;

    readonly List<ColumnPath> _children = [];
    Dictionary<string, ColumnPath>? _byKey;
    byte[] _utf8Key = [];
    int _position;

    public string Name { get; } = name;

    /// <summary>Where the column sits in its table's row; -1 when the table does not keep it.</summary>
    public int Ordinal { get; set; } = Unresolved;

    /// <summary>Every value seen so far was null, [] or {}: the key may only be standing in for a child table or nested fields.</summary>
    public bool OnlyEmpty { get; set; }

    /// <summary>The table of the objects in this key's arrays, once one has been met.</summary>
    public JsonTableShape? ChildTable { get; set; }

    /// <summary>The column named by the property name the reader is on.</summary>
    /// <param name="next">Position among this column's children where the name is looked for first: records of one
    /// table mostly repeat their keys in the same order, so a name is usually found without decoding it.</param>
    public ColumnPath Child(ref Utf8JsonReader reader, ref int next)
    {
        if (next < _children.Count && reader.ValueTextEquals(_children[next]._utf8Key))
        {
            return _children[next++];
        }
        var length = reader.ValueSpan.Length;
        char[]? rented = null;
        Span<char> key = length <= 128 ? stackalloc char[128] : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            key = key[..reader.CopyString(key)];
            _byKey ??= new Dictionary<string, ColumnPath>(StringComparer.Ordinal);
            if (!_byKey.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var child))
            {
                var text = key.ToString();
                child = new ColumnPath(Name.Length == 0 ? text : Name + "." + text)
                {
                    _utf8Key = Encoding.UTF8.GetBytes(text),
                    _position = _children.Count,
                };
                _byKey.Add(text, child);
                _children.Add(child);
            }
            next = child._position + 1;
            return child;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
