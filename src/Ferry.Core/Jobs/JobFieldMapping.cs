using Ferry.Core.Mapping;

namespace Ferry.Core.Jobs;

/// <summary>A stored field mapping of a job.</summary>
public sealed class JobFieldMapping
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid JobId { get; set; }

    public int Position { get; set; }

    public string? SourceField { get; set; }

    public required string TargetField { get; set; }

    public string? FieldType { get; set; }

    public bool IsRequired { get; set; }

    public string? TransformationRule { get; set; }

    public string? ValidationRule { get; set; }

    public string? DefaultValue { get; set; }

    /// <summary>How sure the suggestion was (0–1); null for mappings a user made.</summary>
    public double? Confidence { get; set; }

    /// <summary>"auto" or "manual".</summary>
    public string Origin { get; set; } = "manual";

    public string? Reason { get; set; }

    public FieldMapping ToFieldMapping() =>
        new(SourceField, TargetField, FieldType, IsRequired, TransformationRule, ValidationRule, DefaultValue);
}
