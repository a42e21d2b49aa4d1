using System.Globalization;
using System.Text.Json;
using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Data.Books;
using Ferry.Data.Import;
using Ferry.Data.Storage;
using Ferry.Erp.Books;

namespace Ferry.Data.Runs;

/// <summary>
/// Runs a claimed whole-books import (a Tally export) from its checkpoint to the end: masters in dependency order,
/// then vouchers streamed from the file, batch by batch under the job's lease; then the reconciliation.
/// </summary>
public sealed class BooksRun(DatabaseOptions database, JobQueue queue, IBookOpener books, UploadStore uploads, WorkerOptions options)
{
    public async Task RunAsync(JobLease lease, CancellationToken stopping)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(database);
        var job = await JobRunContext.LoadAsync(db, lease, stopping);
        var path = job.StoredFileName is null ? null : uploads.PathOf(job.OrganizationId, job.Id, job.StoredFileName);
        if (path is null || !File.Exists(path))
        {
            throw new FerryException(ErrorCodes.InvalidFileFormat, "The uploaded file is no longer stored (retention may have removed it); upload it again in a new job.");
        }
        var bookOptions = BookJobOptions.Read(job.Options);
        var book = books.Open(path, job.FileName ?? job.StoredFileName!, bookOptions);
        if (!await JobRunContext.LogFencedAsync(db, lease, JobLogLevel.Info, job.Checkpoint == 0
            ? $"Migration started: {book.Count.ToString("N0", CultureInfo.InvariantCulture)} masters and vouchers of {book.Company ?? "the company"}, batches of {job.BatchSize}, conflict strategy {job.ConflictStrategy.ToSnakeCase()}"
            : $"Migration resumed after entry {job.Checkpoint.ToString(CultureInfo.InvariantCulture)} (attempt {job.Attempts})", "execute", stopping))
        {
            return;
        }

        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var heartbeat = JobRunContext.HeartbeatAsync(queue, lease, options.HeartbeatInterval, run);
        var fenced = false;
        try
        {
            await using var sinkContext = DataServiceCollectionExtensions.CreateContext(database);
            await using var writer = await BookWriter.CreateAsync(sinkContext,
                new ImportContext(job.Id, job.OrganizationId, lease.Epoch, job.ConflictStrategy, job.Checkpoint, options.LeaseDuration, options.CommitInterval), bookOptions,
                job.EntityCounts, null, run.Token);
            foreach (var batch in Batches(book, job.Checkpoint, job.BatchSize, job.DataTypes))
            {
                if (!await writer.WriteAsync(batch, run.Token))
                {
                    fenced = true;
                    break;
                }
                run.Token.ThrowIfCancellationRequested();
            }
            if (!fenced)
            {
                await writer.CompleteAsync(run.Token);
            }
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            fenced = true;
        }
        finally
        {
            await run.CancelAsync();
            await heartbeat;
        }

        if (fenced)
        {
            await JobRunContext.StopAsync(db, lease, stopping);
            return;
        }
        var reconciliation = await BookReconciliation.BuildAsync(db, job.OrganizationId, book, job.DataTypes, bookOptions.AdjustmentLedger, stopping);
        var json = JsonSerializer.Serialize(reconciliation, BookReconciliation.Json);
        var final = await JobRunContext.LoadAsync(db, lease, stopping);
        var status = final.RecordsFailed > 0 ? JobStatus.CompletedWithErrors : JobStatus.Completed;
        var now = DateTime.UtcNow;
        await JobRunContext.FinishAsync(db, lease, status,
            $"Migration {(status == JobStatus.Completed ? "completed" : "completed with errors")}: {final.RecordsInserted} inserted, {final.RecordsUpdated} updated, " +
            $"{final.RecordsSkipped} skipped or unchanged, {final.RecordsFailed} failed of {final.RecordsProcessed} masters and vouchers; " +
            (reconciliation.Matches ? "the ERP reconciles with the source" : "the reconciliation shows differences"),
            "execute", s => s.SetProperty(j => j.FinishedAt, now).SetProperty(j => j.Reconciliation, json), stopping);
    }

    /// <summary>
    /// The entries after <paramref name="checkpoint"/> in batches; the same entries always form the same batches.
    /// Entries of data types the job does not import stay in their batch, marked as not selected.
    /// </summary>
    internal static IEnumerable<List<BookEntry>> Batches(IBook book, long checkpoint, int size, IReadOnlyCollection<string> dataTypes)
    {
        var batch = new List<BookEntry>(size);
        foreach (var entry in book.Masters.Where(m => m.Sequence > checkpoint).Concat(book.Vouchers(checkpoint)))
        {
            batch.Add(BookDataTypes.Selected(entry.Entity, dataTypes) ? entry : entry with { Row = null, SkipReason = BookWriter.NotSelected });
            if (batch.Count == size)
            {
                yield return batch;
                batch = new List<BookEntry>(size);
            }
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
