using Ferry.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Data.Runs;

/// <summary>Small shared steps of import and rollback runs: loading the claimed job, logging, finishing under the fence.</summary>
static class JobRunContext
{
    static readonly string[] Tenant = [FerryDbContext.TenantFilter];

    public static Task<MigrationJob> LoadAsync(FerryDbContext db, JobLease lease, CancellationToken cancellationToken) =>
        db.Jobs.IgnoreQueryFilters(Tenant).SingleAsync(j => j.Id == lease.JobId && j.OrganizationId == lease.OrganizationId, cancellationToken);

    /// <summary>Writes a log line only while the lease still holds; false when another worker has taken the job.</summary>
    public static async Task<bool> LogFencedAsync(FerryDbContext db, JobLease lease, JobLogLevel level, string message, string operation, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var held = await db.Jobs.IgnoreQueryFilters(Tenant)
            .Where(j => j.Id == lease.JobId && j.Epoch == lease.Epoch && j.Status == lease.Status)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.UpdatedAt, DateTime.UtcNow), cancellationToken);
        if (held != 1)
        {
            return false;
        }
        await LogAsync(db, lease, level, message, operation, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public static async Task LogAsync(FerryDbContext db, JobLease lease, JobLogLevel level, string message, string operation, CancellationToken cancellationToken)
    {
        db.JobLogs.Add(new JobLogEntry
        {
            OrganizationId = lease.OrganizationId,
            JobId = lease.JobId,
            CreatedAt = DateTime.UtcNow,
            Level = level,
            Message = message,
            Operation = operation,
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Moves the job to its final status if the lease still holds, with a closing log line, atomically.</summary>
    public static async Task<bool> FinishAsync(FerryDbContext db, JobLease lease, JobStatus status, string message, string operation,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<MigrationJob>>? extra, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.Jobs.IgnoreQueryFilters(Tenant)
            .Where(j => j.Id == lease.JobId && j.Epoch == lease.Epoch && j.Status == lease.Status)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(j => j.Status, status)
                    .SetProperty(j => j.LeaseOwner, (string?)null)
                    .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                    .SetProperty(j => j.CancelRequested, false)
                    .SetProperty(j => j.UpdatedAt, now);
                extra?.Invoke(s);
            }, cancellationToken);
        if (updated != 1)
        {
            return false;
        }
        await LogAsync(db, lease, JobLogLevel.Info, message, operation, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Keeps the lease alive while a run works; cancels the run when the lease is lost or a cancel is requested.</summary>
    public static async Task HeartbeatAsync(JobQueue queue, JobLease lease, TimeSpan interval, CancellationTokenSource run)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(run.Token))
            {
                if (!await queue.HeartbeatAsync(lease, run.Token))
                {
                    await run.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The run was fenced: either a cancel was asked for (finish as cancelled) or another worker took over.</summary>
    public static async Task StopAsync(FerryDbContext db, JobLease lease, CancellationToken cancellationToken)
    {
        var job = await LoadAsync(db, lease, cancellationToken);
        if (job.Epoch != lease.Epoch || !job.CancelRequested)
        {
            return;
        }
        var now = DateTime.UtcNow;
        await FinishAsync(db, lease, JobStatus.Cancelled,
            $"Migration cancelled after row {job.Checkpoint}: {job.RecordsInserted} inserted, {job.RecordsUpdated} updated stay until rolled back",
            "cancel", s => s.SetProperty(j => j.FinishedAt, now), cancellationToken);
    }
}
