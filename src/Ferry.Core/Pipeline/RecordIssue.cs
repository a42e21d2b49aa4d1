namespace Ferry.Core.Pipeline;

public enum IssueSeverity
{
    Warning,
    Error,
}

/// <summary>A data-quality finding about one record: where, which field, what is wrong.</summary>
public sealed record RecordIssue(
    long Row,
    string Location,
    string? Field,
    string ErrorCode,
    string Message,
    string? Value,
    IssueSeverity Severity = IssueSeverity.Error);
