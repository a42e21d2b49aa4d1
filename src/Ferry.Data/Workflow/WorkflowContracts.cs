using Ferry.Core.Jobs;
using Ferry.Core.Mapping;
using Ferry.Core.Sources;

namespace Ferry.Data.Workflow;

public sealed record NewJob(
    string Name,
    string? Description,
    SourceType SourceType,
    IReadOnlyList<string> DataTypes,
    ConflictStrategy ConflictStrategy,
    int? BatchSize = null);

public sealed record JobChanges(
    string? Name,
    string? Description,
    IReadOnlyList<string>? DataTypes,
    ConflictStrategy? ConflictStrategy,
    int? BatchSize);

public sealed record DataTypeSuggestion(string DataType, double Confidence, int MatchedFields);

/// <summary>What an upload found, kept on the job.</summary>
public sealed record FileProfile(
    string Format,
    string Encoding,
    string? Delimiter,
    IReadOnlyList<string> Columns,
    long RowCount,
    IReadOnlyList<IReadOnlyDictionary<string, string?>> Preview,
    IReadOnlyList<ColumnProfile> ColumnProfiles,
    IReadOnlyList<DataTypeSuggestion> SuggestedDataTypes);

public sealed record MappingSpec(
    string? SourceField,
    string TargetField,
    string? FieldType,
    bool IsRequired,
    string? TransformationRule,
    string? ValidationRule,
    string? DefaultValue);

public sealed record AutoMappingResult(
    IReadOnlyList<JobFieldMapping> Mappings,
    IReadOnlyList<string> UnmappedColumns,
    IReadOnlyList<string> MissingRequiredFields,
    IReadOnlyList<MappingSuggestion> Suggestions);
