namespace Ferry.Core.Jobs;

/// <summary>The state of an ERP row before an import changed it, kept so rollback can restore it.</summary>
public sealed class RollbackJournalEntry
{
    public long Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid JobId { get; set; }

    public required string TableName { get; set; }

    public long RowId { get; set; }

    /// <summary>The changed columns' values before the import, as a JSON object.</summary>
    public required string BeforeImage { get; set; }

    public DateTime CreatedAt { get; set; }
}
