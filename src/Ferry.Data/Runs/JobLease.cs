using Ferry.Core.Jobs;

namespace Ferry.Data.Runs;

/// <summary>A worker's claim on a job: valid while the job's epoch still equals <see cref="Epoch"/>.</summary>
public sealed record JobLease(Guid JobId, Guid OrganizationId, long Epoch, JobStatus Status, string Owner);
