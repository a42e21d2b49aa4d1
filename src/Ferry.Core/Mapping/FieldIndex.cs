namespace Ferry.Core.Mapping;

/// <summary>Positions of a data type's fields in a <see cref="Pipeline.MappedRecord"/>.</summary>
public sealed class FieldIndex
{
    readonly Dictionary<string, int> _positions;

    public FieldIndex(IReadOnlyList<TargetField> fields)
    {
        Fields = fields;
        _positions = fields.Select((f, i) => (f.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
    }

    public IReadOnlyList<TargetField> Fields { get; }

    public int Count => Fields.Count;

    public int this[string name] => _positions.TryGetValue(name, out var i)
        ? i
        : throw new KeyNotFoundException($"'{name}' is not a field of this data type.");

    public bool TryGetPosition(string name, out int position) => _positions.TryGetValue(name, out position);
}
