using Ferry.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace Ferry.Data.Runs;

/// <summary>
/// Claims queued jobs and runs them: imports and rollbacks. The server runs it in the background; the command line
/// runs it in the foreground until its job is done. On SQLite only the process holding the worker lock runs it.
/// </summary>
public sealed partial class JobWorker(JobQueue queue, ImportRun imports, RollbackRun rollbacks, WorkerOptions options, ILogger<JobWorker> logger) : IDisposable
{
    readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    WorkerLock? _lock;

    /// <summary>Takes the SQLite worker lock; false when another process already works on this database.</summary>
    public bool TryBecomeSoleWorker(DatabaseOptions database)
    {
        if (database.SqliteFile() is not { } file)
        {
            return true;
        }
        _lock ??= WorkerLock.TryAcquire(file);
        return _lock is not null;
    }

    bool SoleWorker => _lock is not null;

    /// <summary>Claims one job and runs it; false when nothing was waiting.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken stopping)
    {
        var lease = await queue.ClaimAsync(_owner, SoleWorker, stopping);
        if (lease is null)
        {
            return false;
        }
        LogClaimed(lease.JobId, lease.Status, lease.Epoch);
        try
        {
            if (lease.Status == JobStatus.RollingBack)
            {
                await rollbacks.RunAsync(lease, stopping);
            }
            else
            {
                await imports.RunAsync(lease, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await queue.ReleaseAsync(lease, CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            LogFailed(e, lease.JobId);
            await queue.FailAttemptAsync(lease, e, CancellationToken.None);
        }
        return true;
    }

    /// <summary>Runs jobs until none is claimable.</summary>
    public async Task RunUntilIdleAsync(CancellationToken stopping)
    {
        while (await RunOnceAsync(stopping))
        {
        }
    }

    /// <summary>Runs jobs until stopped, polling for new ones.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(stopping))
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogQueueError(e);
            }
            try
            {
                await Task.Delay(options.PollInterval, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public void Dispose() => _lock?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Claimed job {JobId} ({Status}) at epoch {Epoch}")]
    partial void LogClaimed(Guid jobId, JobStatus status, long epoch);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} failed")]
    partial void LogFailed(Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not poll the run queue")]
    partial void LogQueueError(Exception exception);
}
