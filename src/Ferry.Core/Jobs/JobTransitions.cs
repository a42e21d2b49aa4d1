namespace Ferry.Core.Jobs;

/// <summary>The job state machine: which status may follow which.</summary>
public static class JobTransitions
{
    static readonly Dictionary<JobStatus, JobStatus[]> Allowed = new()
    {
        [JobStatus.Draft] = [JobStatus.Uploaded, JobStatus.Cancelled],
        [JobStatus.Uploaded] = [JobStatus.Uploaded, JobStatus.Mapped, JobStatus.Cancelled],
        [JobStatus.Mapped] = [JobStatus.Uploaded, JobStatus.Mapped, JobStatus.Validated, JobStatus.Queued, JobStatus.Cancelled],
        [JobStatus.Validated] = [JobStatus.Uploaded, JobStatus.Mapped, JobStatus.Validated, JobStatus.Queued, JobStatus.Cancelled],
        [JobStatus.Queued] = [JobStatus.Running, JobStatus.Cancelled, JobStatus.Failed],
        [JobStatus.Running] = [JobStatus.Completed, JobStatus.CompletedWithErrors, JobStatus.Failed, JobStatus.Cancelled],
        [JobStatus.Completed] = [JobStatus.RollingBack],
        [JobStatus.CompletedWithErrors] = [JobStatus.RollingBack],
        [JobStatus.Failed] = [JobStatus.RollingBack, JobStatus.Queued],
        [JobStatus.Cancelled] = [JobStatus.RollingBack],
        [JobStatus.RollingBack] = [JobStatus.RolledBack, JobStatus.Failed],
        [JobStatus.RolledBack] = [],
    };

    public static bool CanMove(JobStatus from, JobStatus to) => Allowed[from].Contains(to);

    public static void EnsureCanMove(JobStatus from, JobStatus to, string action)
    {
        if (!CanMove(from, to))
        {
            throw new FerryException(ErrorCodes.InvalidJobState,
                $"Cannot {action} a job whose status is '{from.ToSnakeCase()}'. {Hint(from)}");
        }
    }

    public static bool IsTerminal(JobStatus status) => status is JobStatus.Completed or JobStatus.CompletedWithErrors
        or JobStatus.Failed or JobStatus.Cancelled or JobStatus.RolledBack;

    public static bool IsActive(JobStatus status) => status is JobStatus.Queued or JobStatus.Running or JobStatus.RollingBack;

    static string Hint(JobStatus from) => from switch
    {
        JobStatus.Draft => "Upload a file first.",
        JobStatus.Uploaded => "Create the field mappings first (POST .../mappings/auto).",
        JobStatus.Queued or JobStatus.Running or JobStatus.RollingBack => "Wait until the job has finished.",
        JobStatus.RolledBack => "The job has been rolled back; create a new job to import again.",
        _ => "",
    };
}
