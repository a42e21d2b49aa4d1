namespace Ferry.Core.Mapping;

/// <summary>How one target field gets its value: from a source column, a default, or both.</summary>
/// <remarks>The target field decides the value's type; <see cref="FieldType"/> is kept as the user wrote it.</remarks>
public sealed record FieldMapping(
    string? SourceField,
    string TargetField,
    string? FieldType = null,
    bool IsRequired = false,
    string? TransformationRule = null,
    string? ValidationRule = null,
    string? DefaultValue = null);
