using Ferry.Core;
using Ferry.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Data.Runs;

/// <summary>
/// The run queue is the migration_jobs table: a job is claimable when it is queued, or running or rolling back
/// with an expired lease. Every claim raises the job's epoch, which fences out any earlier holder.
/// </summary>
public sealed class JobQueue(DatabaseOptions database, WorkerOptions options, TimeProvider time)
{
    static readonly string[] Tenant = [FerryDbContext.TenantFilter];

    /// <summary>
    /// Claims the oldest claimable job. With <paramref name="soleWorker"/> (this process holds the SQLite worker lock)
    /// leases held by other owners are known to be orphaned and are taken over at once.
    /// </summary>
    public async Task<JobLease?> ClaimAsync(string owner, bool soleWorker, CancellationToken cancellationToken)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(database);
        var now = time.GetUtcNow().UtcDateTime;
        var candidates = await db.Jobs.IgnoreQueryFilters(Tenant)
            .Where(j => j.Status == JobStatus.Queued || j.Status == JobStatus.Running || j.Status == JobStatus.RollingBack)
            .Where(j => j.LeaseExpiresAt == null || j.LeaseExpiresAt < now || (soleWorker && j.LeaseOwner != owner))
            .OrderBy(j => j.QueuedAt)
            .Select(j => new
            {
                j.Id, j.OrganizationId, j.Epoch, j.Status, j.Attempts, j.MaxAttempts,
                Progressed = (j.Status == JobStatus.RollingBack ? j.RollbackCheckpoint : j.Checkpoint) > j.RunStartCheckpoint,
            })
            .Take(10)
            .ToListAsync(cancellationToken);
        foreach (var candidate in candidates)
        {
            // The crash-loop guard counts attempts that got nowhere: one that moved the checkpoint starts the count again.
            var attempts = candidate.Progressed ? 0 : candidate.Attempts;
            if (attempts >= candidate.MaxAttempts)
            {
                await GiveUpAsync(db, candidate.Id, candidate.OrganizationId, candidate.Epoch, candidate.Attempts, cancellationToken);
                continue;
            }
            var status = candidate.Status == JobStatus.Queued ? JobStatus.Running : candidate.Status;
            var claimed = await db.Jobs.IgnoreQueryFilters(Tenant)
                .Where(j => j.Id == candidate.Id && j.Epoch == candidate.Epoch && j.Status == candidate.Status)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Epoch, j => j.Epoch + 1)
                    .SetProperty(j => j.Attempts, attempts + 1)
                    .SetProperty(j => j.Status, status)
                    .SetProperty(j => j.LeaseOwner, owner)
                    .SetProperty(j => j.LeaseExpiresAt, now + options.LeaseDuration)
                    .SetProperty(j => j.StartedAt, j => j.StartedAt ?? now)
                    .SetProperty(j => j.RunStartedAt, now)
                    .SetProperty(j => j.RunStartCheckpoint, j => j.Status == JobStatus.RollingBack ? j.RollbackCheckpoint : j.Checkpoint)
                    .SetProperty(j => j.UpdatedAt, now), cancellationToken);
            if (claimed == 1)
            {
                return new JobLease(candidate.Id, candidate.OrganizationId, candidate.Epoch + 1, status, owner);
            }
        }
        return null;
    }

    /// <summary>Extends the lease; false when the job was taken over, finished or asked to cancel.</summary>
    public async Task<bool> HeartbeatAsync(JobLease lease, CancellationToken cancellationToken)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(database);
        var now = time.GetUtcNow().UtcDateTime;
        var renewed = await db.Jobs.IgnoreQueryFilters(Tenant)
            .Where(j => j.Id == lease.JobId && j.Epoch == lease.Epoch && j.Status == lease.Status && !j.CancelRequested)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, now + options.LeaseDuration), cancellationToken);
        return renewed == 1;
    }

    /// <summary>Gives the job back without counting the attempt, e.g. when the process is shutting down.</summary>
    public async Task ReleaseAsync(JobLease lease, CancellationToken cancellationToken)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(database);
        await db.Jobs.IgnoreQueryFilters(Tenant)
            .Where(j => j.Id == lease.JobId && j.Epoch == lease.Epoch)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(j => j.Attempts, j => j.Attempts > 0 ? j.Attempts - 1 : 0), cancellationToken);
    }

    /// <summary>
    /// Records a failed attempt. A user-actionable error (a <see cref="FerryException"/>) or the last allowed attempt
    /// fails the job; otherwise the job is retried after a pause.
    /// </summary>
    public async Task FailAttemptAsync(JobLease lease, Exception error, CancellationToken cancellationToken)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(database);
        var now = time.GetUtcNow().UtcDateTime;
        var job = await db.Jobs.IgnoreQueryFilters(Tenant).FirstOrDefaultAsync(j => j.Id == lease.JobId, cancellationToken);
        if (job is null || job.Epoch != lease.Epoch)
        {
            return;
        }
        var progressed = (lease.Status == JobStatus.RollingBack ? job.RollbackCheckpoint : job.Checkpoint) > job.RunStartCheckpoint;
        var final = error is FerryException || (job.Attempts >= job.MaxAttempts && !progressed);
        var message = error is FerryException ? error.Message : $"{error.GetType().Name}: {error.Message}";
        var code = (error as FerryException)?.ErrorCode ?? ErrorCodes.DatabaseError;
        var status = lease.Status == JobStatus.RollingBack && !final ? JobStatus.RollingBack : final ? JobStatus.Failed : lease.Status;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.Jobs.IgnoreQueryFilters(Tenant)
            .Where(j => j.Id == lease.JobId && j.Epoch == lease.Epoch)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, status)
                .SetProperty(j => j.LastError, message.Length > 2000 ? message[..2000] : message)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, final ? null : now + TimeSpan.FromSeconds(5 * job.Attempts))
                .SetProperty(j => j.FinishedAt, final ? now : null)
                .SetProperty(j => j.UpdatedAt, now), cancellationToken);
        if (updated == 1)
        {
            db.JobLogs.Add(new JobLogEntry
            {
                OrganizationId = lease.OrganizationId,
                JobId = lease.JobId,
                CreatedAt = now,
                Level = final ? JobLogLevel.Critical : JobLogLevel.Error,
                Message = final
                    ? $"{(lease.Status == JobStatus.RollingBack ? "Rollback" : "Migration")} failed: {message}"
                    : $"Attempt {job.Attempts} of {job.MaxAttempts} failed, retrying from the last checkpoint: {message}",
                ErrorCode = code,
                Operation = lease.Status == JobStatus.RollingBack ? "rollback" : "execute",
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    async Task GiveUpAsync(FerryDbContext db, Guid jobId, Guid organizationId, long epoch, int attempts, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var message = $"Gave up after {attempts} attempts that made no progress: the process running this job stopped each time before the next checkpoint (out of memory or killed?).";
        var updated = await db.Jobs.IgnoreQueryFilters(Tenant)
            .Where(j => j.Id == jobId && j.Epoch == epoch)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Failed)
                .SetProperty(j => j.LastError, message)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(j => j.FinishedAt, now), cancellationToken);
        if (updated == 1)
        {
            db.JobLogs.Add(new JobLogEntry
            {
                OrganizationId = organizationId,
                JobId = jobId,
                CreatedAt = now,
                Level = JobLogLevel.Critical,
                Message = message,
                ErrorCode = ErrorCodes.DatabaseError,
                Operation = "execute",
            });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
