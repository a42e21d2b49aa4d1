using Ferry.Core.Pipeline;

namespace Ferry.Core.Tests.Pipeline;

/// <summary>
/// Keeps every batch it is given; records with errors count as failed, the rest as inserted. It can play a lost
/// lease (answer Fenced on the n-th batch) or a user pressing cancel while a batch is being written.
/// </summary>
sealed class RecordingBatchSink(int? fenceOnBatch = null, CancellationTokenSource? cancelWhileWriting = null) : IBatchSink
{
    public List<RecordBatch> Batches { get; } = [];

    public int Calls { get; private set; }

    public bool Completed { get; private set; }

    public IEnumerable<long> RowsWritten => Batches.SelectMany(b => b.Records).Select(r => r.RowNumber);

    public Task<BatchOutcome> WriteAsync(RecordBatch batch, CancellationToken cancellationToken)
    {
        Calls++;
        if (Calls == fenceOnBatch)
        {
            return Task.FromResult(BatchOutcome.Stop);
        }
        Batches.Add(batch with { Records = [.. batch.Records] });
        cancelWhileWriting?.Cancel();
        var failed = batch.Records.Count(r => r.HasErrors);
        return Task.FromResult(new BatchOutcome(batch.Records.Count - failed, 0, 0, failed));
    }

    public Task<bool> CompleteAsync(CancellationToken cancellationToken)
    {
        Completed = true;
        return Task.FromResult(true);
    }
}
