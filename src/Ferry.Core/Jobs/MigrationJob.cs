namespace Ferry.Core.Jobs;

/// <summary>
/// One migration: what to import, from which file, how it is mapped, where it stands, and the lease of the worker
/// running it. The row is also the run queue entry (see docs/decisions/0002-run-queue.md).
/// </summary>
public sealed class MigrationJob
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public SourceType SourceType { get; set; }

    public List<string> DataTypes { get; set; } = [];

    public ConflictStrategy ConflictStrategy { get; set; }

    public JobStatus Status { get; set; }

    public long? CreatedByUserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int BatchSize { get; set; } = 100;

    public string? FileName { get; set; }

    public string? StoredFileName { get; set; }

    public long? FileSize { get; set; }

    public string? FileSha256 { get; set; }

    public DateTime? UploadedAt { get; set; }

    /// <summary>What upload found in the file (format, columns, preview, profile, suggestions), as JSON.</summary>
    public string? FileProfile { get; set; }

    /// <summary>The report of the last validation, as JSON.</summary>
    public string? ValidationReport { get; set; }

    public DateTime? ValidatedAt { get; set; }

    /// <summary>Source-specific choices as JSON, e.g. a Tally import's adjustment ledger.</summary>
    public string? Options { get; set; }

    /// <summary>What each entity of a whole-books import came to (inserted, updated, unchanged, skipped, failed), as JSON; committed with every checkpoint.</summary>
    public string? EntityCounts { get; set; }

    /// <summary>Source totals against what the ERP holds after a whole-books import, as JSON.</summary>
    public string? Reconciliation { get; set; }

    public long RecordsTotal { get; set; }

    public long RecordsProcessed { get; set; }

    public long RecordsInserted { get; set; }

    public long RecordsUpdated { get; set; }

    public long RecordsSkipped { get; set; }

    public long RecordsFailed { get; set; }

    /// <summary>Last source row whose batch has committed.</summary>
    public long Checkpoint { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>Fencing token: raised at every claim; a batch commits only under the epoch it was claimed with.</summary>
    public long Epoch { get; set; }

    public int Attempts { get; set; }

    public int MaxAttempts { get; set; } = 3;

    public bool CancelRequested { get; set; }

    public DateTime? QueuedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>When the current worker claimed the job and where it started, for the rate and ETA.</summary>
    public DateTime? RunStartedAt { get; set; }

    public long RunStartCheckpoint { get; set; }

    public string? LastError { get; set; }

    public long RollbackCheckpoint { get; set; }

    public string? RollbackSummary { get; set; }

    public DateTime? RolledBackAt { get; set; }

    /// <summary>
    /// When the job was deleted while its rows stayed in the ERP: it is gone from every list and read, and its journal
    /// is kept for retention.
    /// </summary>
    public DateTime? DeletedAt { get; set; }

    public long RecordsSucceeded => RecordsInserted + RecordsUpdated;
}
