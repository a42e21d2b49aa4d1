using System.Globalization;
using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Core.Pipeline;
using Ferry.Core.Sources;
using Ferry.Data.Import;
using Ferry.Data.Storage;
using Ferry.Data.Workflow;
using Ferry.Erp.Schemas;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Data.Runs;

/// <summary>Runs a claimed import of a table from its checkpoint to the end, batch by batch, under its lease; whole books go to <see cref="BooksRun"/>.</summary>
public sealed class ImportRun(DatabaseOptions database, JobQueue queue, ISourceOpener opener, BooksRun books, UploadStore uploads, WorkerOptions options)
{
    public async Task RunAsync(JobLease lease, CancellationToken stopping)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(database);
        var job = await JobRunContext.LoadAsync(db, lease, stopping);
        if (JobWorkflow.IsBooks(job))
        {
            await books.RunAsync(lease, stopping);
            return;
        }
        var schema = ErpSchemas.Get(job.DataTypes.FirstOrDefault() ?? "");
        var mappings = await db.FieldMappings.IgnoreQueryFilters([FerryDbContext.TenantFilter])
            .Where(m => m.JobId == job.Id && m.OrganizationId == job.OrganizationId)
            .OrderBy(m => m.Position)
            .ToListAsync(stopping);
        if (job.StoredFileName is null)
        {
            throw new FerryException(ErrorCodes.InvalidFileFormat, "The job has no uploaded file.");
        }
        var path = uploads.PathOf(job.OrganizationId, job.Id, job.StoredFileName);
        if (!File.Exists(path))
        {
            throw new FerryException(ErrorCodes.InvalidFileFormat, "The uploaded file is no longer stored (retention may have removed it); upload it again in a new job.");
        }

        if (!await JobRunContext.LogFencedAsync(db, lease, JobLogLevel.Info, job.Checkpoint == 0
            ? $"Migration started: {job.RecordsTotal.ToString("N0", CultureInfo.InvariantCulture)} records of {schema.DataType}, batches of {job.BatchSize}, conflict strategy {job.ConflictStrategy.ToSnakeCase()}"
            : $"Migration resumed after row {job.Checkpoint.ToString(CultureInfo.InvariantCulture)} (attempt {job.Attempts})", "execute", stopping))
        {
            return;
        }

        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var heartbeat = JobRunContext.HeartbeatAsync(queue, lease, options.HeartbeatInterval, run);
        PipelineResult result;
        try
        {
            var profile = JobWorkflow.ProfileOf(job);
            using var reader = opener.Open(path, profile.Choice);
            var mapper = RecordMapper.Create(schema, reader.Columns, mappings.Select(m => m.ToFieldMapping()).ToList(), profile.Readings);
            await using var sinkContext = DataServiceCollectionExtensions.CreateContext(database);
            await using var sink = new ImportBatchSink(sinkContext, schema, mapper,
                new ImportContext(job.Id, job.OrganizationId, lease.Epoch, job.ConflictStrategy, job.Checkpoint, options.LeaseDuration, options.CommitInterval), null);
            result = await new ImportPipeline(mapper, job.BatchSize).RunAsync(reader, job.Checkpoint, sink, run.Token);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            result = new PipelineResult { Fenced = true };
        }
        finally
        {
            await run.CancelAsync();
            await heartbeat;
        }

        if (result.Fenced)
        {
            await JobRunContext.StopAsync(db, lease, stopping);
            return;
        }
        var final = await JobRunContext.LoadAsync(db, lease, stopping);
        var status = final.RecordsFailed > 0 ? JobStatus.CompletedWithErrors : JobStatus.Completed;
        var now = DateTime.UtcNow;
        await JobRunContext.FinishAsync(db, lease, status,
            $"Migration {(status == JobStatus.Completed ? "completed" : "completed with errors")}: {final.RecordsInserted} inserted, {final.RecordsUpdated} updated, {final.RecordsSkipped} skipped, {final.RecordsFailed} failed of {final.RecordsProcessed} records",
            "execute", s => s.SetProperty(j => j.FinishedAt, now), stopping);
    }
}
