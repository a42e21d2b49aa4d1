namespace Ferry.Core.Mapping;

/// <summary>A field of an ERP data type that source columns can be mapped to.</summary>
/// <param name="Name">Field name as the API shows it; also the column name in the ERP table.</param>
/// <param name="Synonyms">Header names users' files give this field, compared after normalisation.</param>
/// <param name="AllowedValues">For enumerated text fields: the accepted values (case-insensitive).</param>
public sealed record TargetField(
    string Name,
    FieldType Type,
    string Description,
    bool Required = false,
    int? MaxLength = null,
    IReadOnlyList<string>? Synonyms = null,
    IReadOnlyList<string>? AllowedValues = null,
    string? Pattern = null)
{
    public IReadOnlyList<string> Synonyms { get; init; } = Synonyms ?? [];
}
