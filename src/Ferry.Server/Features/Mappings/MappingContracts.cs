using System.ComponentModel.DataAnnotations;
using Ferry.Core.Jobs;
using Ferry.Core.Mapping;
using Ferry.Server.Infrastructure;

namespace Ferry.Server.Features.Mappings;

public sealed record MappingRequest(
    [property: StringLength(RequestLimits.SourceField)] string? SourceField,
    [property: StringLength(RequestLimits.TargetField)] string? TargetField,
    [property: StringLength(RequestLimits.FieldType)] string? FieldType,
    bool? IsRequired,
    [property: StringLength(RequestLimits.Rule)] string? TransformationRule,
    [property: StringLength(RequestLimits.Rule)] string? ValidationRule,
    [property: StringLength(RequestLimits.DefaultValue)] string? DefaultValue);

public sealed record MappingResponse(
    Guid Id,
    Guid JobId,
    string? SourceField,
    string TargetField,
    string? FieldType,
    bool IsRequired,
    string? TransformationRule,
    string? ValidationRule,
    string? DefaultValue,
    double? Confidence,
    string Origin,
    string? Reason)
{
    public static MappingResponse From(JobFieldMapping m) => new(m.Id, m.JobId, m.SourceField, m.TargetField, m.FieldType, m.IsRequired,
        m.TransformationRule, m.ValidationRule, m.DefaultValue, m.Confidence, m.Origin, m.Reason);
}

public sealed record TargetFieldResponse(string Name, string Type, string Description, bool Required, int? MaxLength);

public sealed record MappingListResponse(
    string? DataType,
    IReadOnlyList<MappingResponse> Mappings,
    IReadOnlyList<TargetFieldResponse> TargetFields);

public sealed record AutoMappingResponse(
    string? DataType,
    IReadOnlyList<MappingResponse> Mappings,
    IReadOnlyList<string> UnmappedColumns,
    IReadOnlyList<string> MissingRequiredFields,
    IReadOnlyList<TargetFieldResponse> TargetFields);

static class TargetFields
{
    public static IReadOnlyList<TargetFieldResponse> Of(IEnumerable<TargetField> fields) =>
        [.. fields.Select(f => new TargetFieldResponse(f.Name, f.Type.ToSnakeCase(), f.Description, f.Required, f.MaxLength))];
}
