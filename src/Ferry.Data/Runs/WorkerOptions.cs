namespace Ferry.Data.Runs;

public sealed class WorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary>How long a claim holds without a heartbeat before another worker may take the job over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a finished job can still be rolled back.</summary>
    public TimeSpan RollbackWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long one transaction of an import or rollback gathers whole batches before it commits. Zero commits every
    /// batch on its own; the default trades at most this much redone work after a crash for far fewer commits.
    /// </summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int RollbackBatchSize { get; set; } = 500;
}
