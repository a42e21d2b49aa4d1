using Ferry.Core.Records;
using Ferry.Core.Sources;

namespace Ferry.Core.Pipeline;

/// <summary>
/// Streams rows from a reader through a mapper into a sink, batch by batch. It resumes after a checkpoint by
/// skipping rows already committed; the same rows always form the same batches. While the sink writes one batch
/// on another thread, the next batch is read and mapped, so parsing and writing use both cores.
/// </summary>
public sealed class ImportPipeline(RecordMapper mapper, int batchSize)
{
    public async Task<PipelineResult> RunAsync(IRecordReader reader, long checkpoint, IBatchSink sink, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var totals = new PipelineResult();
        var columns = reader.Columns.Count;
        var batch = new List<MappedRecord>(batchSize);
        Task<BatchOutcome>? writing = null;
        try
        {
            while (reader.Read())
            {
                if (reader.RowNumber <= checkpoint)
                {
                    continue;
                }
                var values = new string?[columns];
                for (var i = 0; i < columns; i++)
                {
                    values[i] = reader.GetValue(i);
                }
                batch.Add(mapper.Map(new SourceRecord(reader.RowNumber, reader.Location, values)));
                if (batch.Count == batchSize)
                {
                    if (writing is not null && !Completed(await writing, totals))
                    {
                        return totals;
                    }
                    cancellationToken.ThrowIfCancellationRequested();
                    writing = Write(sink, batch, cancellationToken);
                    batch = new List<MappedRecord>(batchSize);
                }
            }
            if (writing is not null && !Completed(await writing, totals))
            {
                return totals;
            }
            writing = null;
            if (batch.Count > 0)
            {
                Completed(await sink.WriteAsync(new RecordBatch(batch[0].RowNumber, batch[^1].RowNumber, batch), cancellationToken), totals);
            }
            return totals;
        }
        finally
        {
            if (writing is not null)
            {
                // The reader failed while a batch was being written: let that write finish (or fail) before leaving.
                await writing.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    static Task<BatchOutcome> Write(IBatchSink sink, List<MappedRecord> batch, CancellationToken cancellationToken) =>
        Task.Run(() => sink.WriteAsync(new RecordBatch(batch[0].RowNumber, batch[^1].RowNumber, batch), cancellationToken), cancellationToken);

    static bool Completed(BatchOutcome outcome, PipelineResult totals)
    {
        if (outcome.Fenced)
        {
            totals.Fenced = true;
            return false;
        }
        totals.Add(outcome);
        return true;
    }
}

public sealed class PipelineResult
{
    public long Inserted { get; private set; }

    public long Updated { get; private set; }

    public long Skipped { get; private set; }

    public long Failed { get; private set; }

    public bool Fenced { get; set; }

    public long Processed => Inserted + Updated + Skipped + Failed;

    public void Add(BatchOutcome outcome)
    {
        Inserted += outcome.Inserted;
        Updated += outcome.Updated;
        Skipped += outcome.Skipped;
        Failed += outcome.Failed;
    }
}
