namespace Ferry.Core.Jobs;

public enum JobLogLevel
{
    Debug,
    Info,
    Warning,
    Error,
    Critical,
}

/// <summary>One line of a job's log: a batch summary, a failed or skipped record, a state change.</summary>
public sealed class JobLogEntry
{
    public long Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid JobId { get; set; }

    public DateTime CreatedAt { get; set; }

    public JobLogLevel Level { get; set; }

    public required string Message { get; set; }

    /// <summary>The source row number of the record concerned.</summary>
    public string? SourceRecordId { get; set; }

    public string? SourceLocation { get; set; }

    public string? ErrorCode { get; set; }

    /// <summary>Field-level details as JSON, e.g. {"field":"email","error":"is not a valid e-mail address"}.</summary>
    public string? ErrorDetails { get; set; }

    /// <summary>What was being done: create_contact, update_product, skip_duplicate, batch, rollback, …</summary>
    public string? Operation { get; set; }
}
