using System.Globalization;
using Ferry.Core.Mapping;

namespace Ferry.Core.Pipeline;

/// <summary>A source record after mapping and type conversion: one typed value per target field.</summary>
public sealed class MappedRecord(long rowNumber, string location, FieldIndex fields)
{
    public long RowNumber { get; } = rowNumber;

    public string Location { get; } = location;

    public FieldIndex Fields { get; } = fields;

    public object?[] Values { get; } = new object?[fields.Count];

    /// <summary>The text each value was read from, after transformations.</summary>
    public string?[] Texts { get; } = new string?[fields.Count];

    public List<RecordIssue>? Issues { get; private set; }

    public bool HasErrors { get; private set; }

    public string? NaturalKey { get; set; }

    Dictionary<string, long>? _references;

    /// <summary>Sets the id of an ERP row this record refers to, by the column that receives it.</summary>
    public void SetReference(string column, long id) => (_references ??= new(StringComparer.Ordinal))[column] = id;

    public long? ReferenceOrNull(string column) => _references is not null && _references.TryGetValue(column, out var id) ? id : null;

    public object? this[string field]
    {
        get => Values[Fields[field]];
        set => Values[Fields[field]] = value;
    }

    public string? GetString(string field) => this[field] as string;

    public string? GetText(string field) => Texts[Fields[field]];

    public decimal? GetDecimal(string field) => this[field] as decimal?;

    public void AddError(string? field, string errorCode, string message, object? value = null) =>
        Add(field, errorCode, message, value, IssueSeverity.Error);

    public void AddWarning(string? field, string errorCode, string message, object? value = null) =>
        Add(field, errorCode, message, value, IssueSeverity.Warning);

    void Add(string? field, string errorCode, string message, object? value, IssueSeverity severity)
    {
        Issues ??= [];
        Issues.Add(new RecordIssue(RowNumber, Location, field, errorCode, message,
            value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture), severity));
        HasErrors |= severity == IssueSeverity.Error;
    }
}
