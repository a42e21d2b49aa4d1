using Ferry.Core.Records;
using Ferry.Core.Sources;

namespace Ferry.Core.Pipeline;

/// <summary>
/// Streams rows from a reader through a mapper into a sink, batch by batch. It resumes after a checkpoint by
/// skipping rows already committed; the same rows always form the same batches.
/// </summary>
public sealed class ImportPipeline(RecordMapper mapper, int batchSize)
{
    public async Task<PipelineResult> RunAsync(IRecordReader reader, long checkpoint, IBatchSink sink, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var totals = new PipelineResult();
        var columns = reader.Columns.Count;
        var batch = new List<MappedRecord>(batchSize);
        long firstRow = 0;
        while (reader.Read())
        {
            if (reader.RowNumber <= checkpoint)
            {
                continue;
            }
            if (batch.Count == 0)
            {
                firstRow = reader.RowNumber;
            }
            var values = new string?[columns];
            for (var i = 0; i < columns; i++)
            {
                values[i] = reader.GetValue(i);
            }
            batch.Add(mapper.Map(new SourceRecord(reader.RowNumber, reader.Location, values)));
            if (batch.Count == batchSize)
            {
                if (!await FlushAsync(batch, firstRow, sink, totals, cancellationToken))
                {
                    return totals;
                }
                batch = new List<MappedRecord>(batchSize);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        if (batch.Count > 0 && !await FlushAsync(batch, firstRow, sink, totals, cancellationToken))
        {
            return totals;
        }
        totals.Fenced = !await sink.CompleteAsync(cancellationToken);
        return totals;
    }

    static async Task<bool> FlushAsync(List<MappedRecord> batch, long firstRow, IBatchSink sink, PipelineResult totals, CancellationToken cancellationToken)
    {
        var outcome = await sink.WriteAsync(new RecordBatch(firstRow, batch[^1].RowNumber, batch), cancellationToken);
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
