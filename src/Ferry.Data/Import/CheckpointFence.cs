using System.Data.Common;
using Ferry.Core.Jobs;
using Ferry.Core.Pipeline;

namespace Ferry.Data.Import;

/// <summary>
/// Moves a running job's checkpoint and counters forward inside the caller's transaction, only while the job is still
/// running under the same lease epoch, at the checkpoint the caller last committed, with no cancel asked for.
/// </summary>
sealed class CheckpointFence(FerryDbContext db, Guid jobId, Guid organizationId, long epoch, TimeSpan leaseDuration) : IAsyncDisposable
{
    DbCommand? _command;

    public async Task<bool> AdvanceAsync(DbTransaction transaction, long current, long next, long processed, BatchOutcome outcome,
        string? entityCounts, CancellationToken cancellationToken)
    {
        var command = _command ??= Create(transaction.Connection!);
        var now = DateTime.UtcNow;
        command.Transaction = transaction;
        var p = command.Parameters;
        p[0].Value = next;
        p[1].Value = processed;
        p[2].Value = (long)outcome.Inserted;
        p[3].Value = (long)outcome.Updated;
        p[4].Value = (long)outcome.Skipped;
        p[5].Value = (long)outcome.Failed;
        p[6].Value = now + leaseDuration;
        p[7].Value = now;
        p[11].Value = current;
        p[14].Value = (object?)entityCounts ?? DBNull.Value;
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    DbCommand Create(DbConnection connection)
    {
        var jobs = ErpTable.For(db, typeof(MigrationJob));
        var command = connection.CreateCommand();
        command.CommandText =
            "UPDATE migration_jobs SET checkpoint = @next, records_processed = records_processed + @processed, " +
            "records_inserted = records_inserted + @inserted, records_updated = records_updated + @updated, " +
            "records_skipped = records_skipped + @skipped, records_failed = records_failed + @failed, " +
            "lease_expires_at = @lease, updated_at = @now, entity_counts = COALESCE(@counts, entity_counts) " +
            "WHERE id = @id AND organization_id = @org AND epoch = @epoch AND checkpoint = @current AND status = @running AND cancel_requested = @no";
        command.Parameters.Add(jobs.Parameter(command, "checkpoint", "next", 0L));
        command.Parameters.Add(jobs.Parameter(command, "records_processed", "processed", 0L));
        command.Parameters.Add(jobs.Parameter(command, "records_inserted", "inserted", 0L));
        command.Parameters.Add(jobs.Parameter(command, "records_updated", "updated", 0L));
        command.Parameters.Add(jobs.Parameter(command, "records_skipped", "skipped", 0L));
        command.Parameters.Add(jobs.Parameter(command, "records_failed", "failed", 0L));
        command.Parameters.Add(jobs.Parameter(command, "lease_expires_at", "lease", DateTime.UtcNow));
        command.Parameters.Add(jobs.Parameter(command, "updated_at", "now", DateTime.UtcNow));
        command.Parameters.Add(jobs.Parameter(command, "id", "id", jobId));
        command.Parameters.Add(jobs.Parameter(command, "organization_id", "org", organizationId));
        command.Parameters.Add(jobs.Parameter(command, "epoch", "epoch", epoch));
        command.Parameters.Add(jobs.Parameter(command, "checkpoint", "current", 0L));
        command.Parameters.Add(jobs.Parameter(command, "status", "running", JobStatus.Running));
        command.Parameters.Add(jobs.Parameter(command, "cancel_requested", "no", false));
        command.Parameters.Add(jobs.Parameter(command, "entity_counts", "counts", null));
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (_command is not null)
        {
            await _command.DisposeAsync();
        }
    }
}
