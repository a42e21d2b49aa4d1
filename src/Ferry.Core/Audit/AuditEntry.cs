namespace Ferry.Core.Audit;

/// <summary>Something done in an organization that must stay on record after its subject is gone.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public Guid OrganizationId { get; set; }

    public long? UserId { get; set; }

    public DateTime At { get; set; }

    /// <summary>What was done, e.g. "job_deleted_keeping_data".</summary>
    public required string Action { get; set; }

    /// <summary>The id of what it was done to.</summary>
    public required string Subject { get; set; }

    public required string Details { get; set; }
}
