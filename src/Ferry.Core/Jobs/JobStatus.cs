namespace Ferry.Core.Jobs;

public enum JobStatus
{
    Draft,
    Uploaded,
    Mapped,
    Validated,
    Queued,
    Running,
    Completed,
    CompletedWithErrors,
    Failed,
    Cancelled,
    RollingBack,
    RolledBack,
}
