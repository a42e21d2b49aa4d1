using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ferry.Core.Jobs;
using Ferry.Data.Books;
using Ferry.Data.Import;
using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ferry.Data.Runs;

/// <summary>
/// Undoes a migration in fenced batches: first the journal is replayed backwards (updated rows get their
/// before-images back), then the rows the job created are deleted. Rows changed since by someone else are kept
/// and reported as conflicts, never overwritten.
/// </summary>
public sealed class RollbackRun(DatabaseOptions database, JobQueue queue, WorkerOptions options)
{
    /// <summary>Children before parents, so deletes never trip a foreign key the job itself created.</summary>
    static readonly Type[] DeleteOrder =
    [
        typeof(StockMovement), typeof(Voucher), typeof(Contact), typeof(Ledger), typeof(Product), typeof(Unit),
        typeof(Warehouse), typeof(AccountGroup), typeof(CompanyProfile),
    ];

    public async Task RunAsync(JobLease lease, CancellationToken stopping)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(database);
        var job = await JobRunContext.LoadAsync(db, lease, stopping);
        if (!await JobRunContext.LogFencedAsync(db, lease, JobLogLevel.Info,
            job.RollbackCheckpoint == 0 ? "Rollback started" : $"Rollback resumed (attempt {job.Attempts})", "rollback", stopping))
        {
            return;
        }

        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var heartbeat = JobRunContext.HeartbeatAsync(queue, lease, options.HeartbeatInterval, run);
        var summary = new RollbackSummary();
        try
        {
            await using var work = DataServiceCollectionExtensions.CreateContext(database);
            var connection = work.Database.GetDbConnection();
            await work.Database.OpenConnectionAsync(run.Token);
            var checkpoint = job.RollbackCheckpoint;
            if (!await RestoreUpdatesAsync(work, connection, lease, checkpoint, summary, run.Token))
            {
                return;
            }
            foreach (var type in DeleteOrder)
            {
                if (!await DeleteCreatedAsync(work, connection, lease, type, summary, run.Token))
                {
                    return;
                }
            }
            await CountConflictsAsync(work, connection, lease, summary, run.Token);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            await run.CancelAsync();
            await heartbeat;
        }

        var now = DateTime.UtcNow;
        var json = JsonSerializer.Serialize(summary, SummaryJson);
        await JobRunContext.FinishAsync(db, lease, JobStatus.RolledBack,
            $"Rollback completed: {summary.Deleted} created rows deleted, {summary.Restored} updated rows restored, {summary.Conflicts} rows kept because they changed after the migration",
            "rollback", s => s.SetProperty(j => j.RolledBackAt, now).SetProperty(j => j.RollbackSummary, json), stopping);
    }

    static readonly JsonSerializerOptions SummaryJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    async Task<bool> RestoreUpdatesAsync(FerryDbContext db, DbConnection connection, JobLease lease, long checkpoint, RollbackSummary summary, CancellationToken cancellationToken)
    {
        var journal = db.RollbackJournal.IgnoreQueryFilters([FerryDbContext.TenantFilter]);
        while (true)
        {
            var before = checkpoint == 0 ? long.MaxValue : checkpoint;
            var entries = await journal
                .Where(e => e.JobId == lease.JobId && e.OrganizationId == lease.OrganizationId && e.Id < before)
                .OrderByDescending(e => e.Id)
                .Take(options.RollbackBatchSize)
                .ToListAsync(cancellationToken);
            if (entries.Count == 0)
            {
                return true;
            }
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var entry in entries)
            {
                if (entry.TableName == VoucherLines.JournalTable)
                {
                    await RestoreLinesAsync(db, connection, transaction, lease, entry, summary, cancellationToken);
                    continue;
                }
                var table = ErpTable.For(db, EntityOf(db, entry.TableName));
                var values = BeforeImage.Deserialize(entry.BeforeImage, table);
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                var sql = new StringBuilder($"UPDATE {table.Name} SET ");
                var i = 0;
                foreach (var (column, value) in values)
                {
                    sql.Append(i == 0 ? "" : ", ").Append(column).Append(" = @r").Append(i.ToString(CultureInfo.InvariantCulture));
                    command.Parameters.Add(table.Parameter(command, column, $"r{i++}", value));
                }
                sql.Append(" WHERE id = @id AND organization_id = @org AND last_job_id = @job");
                command.CommandText = sql.ToString();
                command.Parameters.Add(table.Parameter(command, "id", "id", entry.RowId));
                command.Parameters.Add(table.Parameter(command, "organization_id", "org", lease.OrganizationId));
                command.Parameters.Add(table.Parameter(command, "last_job_id", "job", lease.JobId));
                if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    summary.Restored++;
                }
                else
                {
                    summary.Conflicts++;
                    summary.ConflictRows.Add($"{entry.TableName}#{entry.RowId}");
                }
            }
            checkpoint = entries[^1].Id;
            if (!await FenceAsync(db, connection, transaction, lease, checkpoint, cancellationToken))
            {
                return false;
            }
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Puts back the lines an update replaced, unless someone changed the voucher since.</summary>
    static async Task RestoreLinesAsync(FerryDbContext db, DbConnection connection, DbTransaction transaction, JobLease lease, RollbackJournalEntry entry,
        RollbackSummary summary, CancellationToken cancellationToken)
    {
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        var ours = await db.Vouchers.IgnoreQueryFilters([FerryDbContext.TenantFilter])
            .AnyAsync(v => v.Id == entry.RowId && v.OrganizationId == lease.OrganizationId && v.LastJobId == lease.JobId, cancellationToken);
        if (!ours)
        {
            summary.Conflicts++;
            summary.ConflictRows.Add($"vouchers#{entry.RowId}");
            await db.Database.UseTransactionAsync(null, cancellationToken);
            return;
        }
        await db.VoucherLedgerLines.IgnoreQueryFilters([FerryDbContext.TenantFilter])
            .Where(l => l.VoucherId == entry.RowId && l.OrganizationId == lease.OrganizationId).ExecuteDeleteAsync(cancellationToken);
        await db.VoucherInventoryLines.IgnoreQueryFilters([FerryDbContext.TenantFilter])
            .Where(l => l.VoucherId == entry.RowId && l.OrganizationId == lease.OrganizationId).ExecuteDeleteAsync(cancellationToken);
        var (ledgerLines, itemLines) = VoucherLines.Restore(entry.BeforeImage, lease.OrganizationId, entry.RowId);
        db.VoucherLedgerLines.AddRange(ledgerLines);
        db.VoucherInventoryLines.AddRange(itemLines);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await db.Database.UseTransactionAsync(null, cancellationToken);
    }

    async Task<bool> DeleteCreatedAsync(FerryDbContext db, DbConnection connection, JobLease lease, Type type, RollbackSummary summary, CancellationToken cancellationToken)
    {
        var table = ErpTable.For(db, type);
        var entity = db.Model.FindEntityType(type)!;
        var guards = new StringBuilder();
        foreach (var foreignKey in entity.GetReferencingForeignKeys().Where(f => f.DeleteBehavior == DeleteBehavior.Restrict))
        {
            var dependent = foreignKey.DeclaringEntityType;
            var dependentTable = dependent.GetTableName();
            var column = foreignKey.Properties[0].GetColumnName(StoreObjectIdentifier.Table(dependentTable!, null));
            guards.Append(CultureInfo.InvariantCulture, $" AND NOT EXISTS (SELECT 1 FROM {dependentTable} d WHERE d.{column} = {table.Name}.id)");
        }
        var sql = $"DELETE FROM {table.Name} WHERE id IN (SELECT id FROM {table.Name} WHERE organization_id = @org AND created_job_id = @job AND last_job_id = @job{guards} LIMIT {options.RollbackBatchSize})";
        var rhythm = new CommitRhythm(options.CommitInterval, options.LeaseDuration);
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.Add(table.Parameter(command, "organization_id", "org", lease.OrganizationId));
            command.Parameters.Add(table.Parameter(command, "last_job_id", "job", lease.JobId));
            rhythm.Opened();
            int deleted, pending = 0;
            do
            {
                deleted = await command.ExecuteNonQueryAsync(cancellationToken);
                pending += deleted;
            }
            while (deleted == options.RollbackBatchSize && !rhythm.IsDue);
            if (!await FenceAsync(db, connection, transaction, lease, null, cancellationToken))
            {
                return false;
            }
            await rhythm.CommitAsync(transaction, cancellationToken);
            summary.Deleted += pending;
            // A tree (groups under groups) loses its leaves first; a pass that frees parents runs again.
            if (deleted < options.RollbackBatchSize && (pending == 0 || !SelfReferencing(entity)))
            {
                return true;
            }
        }
    }

    static async Task CountConflictsAsync(FerryDbContext db, DbConnection connection, JobLease lease, RollbackSummary summary, CancellationToken cancellationToken)
    {
        foreach (var type in DeleteOrder)
        {
            var table = ErpTable.For(db, type);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT id FROM {table.Name} WHERE organization_id = @org AND created_job_id = @job ORDER BY id";
            command.Parameters.Add(table.Parameter(command, "organization_id", "org", lease.OrganizationId));
            command.Parameters.Add(table.Parameter(command, "created_job_id", "job", lease.JobId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                summary.Conflicts++;
                if (summary.ConflictRows.Count < 100)
                {
                    summary.ConflictRows.Add($"{table.Name}#{reader.GetInt64(0)}");
                }
            }
        }
    }

    async Task<bool> FenceAsync(FerryDbContext db, DbConnection connection, DbTransaction transaction, JobLease lease, long? checkpoint, CancellationToken cancellationToken)
    {
        var jobs = ErpTable.For(db, typeof(MigrationJob));
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE migration_jobs SET rollback_checkpoint = COALESCE(@checkpoint, rollback_checkpoint), lease_expires_at = @lease " +
            "WHERE id = @id AND epoch = @epoch AND status = @status";
        command.Parameters.Add(jobs.Parameter(command, "rollback_checkpoint", "checkpoint", checkpoint));
        command.Parameters.Add(jobs.Parameter(command, "lease_expires_at", "lease", DateTime.UtcNow + options.LeaseDuration));
        command.Parameters.Add(jobs.Parameter(command, "id", "id", lease.JobId));
        command.Parameters.Add(jobs.Parameter(command, "epoch", "epoch", lease.Epoch));
        command.Parameters.Add(jobs.Parameter(command, "status", "status", JobStatus.RollingBack));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return true;
        }
        await transaction.RollbackAsync(cancellationToken);
        return false;
    }

    static bool SelfReferencing(IEntityType entity) => entity.GetReferencingForeignKeys().Any(f => f.DeclaringEntityType == entity);

    static Type EntityOf(FerryDbContext db, string tableName) =>
        db.Model.GetEntityTypes().First(e => e.GetTableName() == tableName && !e.IsOwned()).ClrType;

    sealed class RollbackSummary
    {
        public long Deleted { get; set; }

        public long Restored { get; set; }

        public long Conflicts { get; set; }

        public List<string> ConflictRows { get; } = [];
    }
}
