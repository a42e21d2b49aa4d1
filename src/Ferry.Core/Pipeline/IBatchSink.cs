namespace Ferry.Core.Pipeline;

/// <summary>
/// Where mapped batches go. An import sink writes each batch with its log and checkpoint in the same transaction
/// (one transaction may hold several whole batches); it answers <see cref="BatchOutcome.Fenced"/> when the job's
/// lease was lost or a cancel was requested.
/// </summary>
public interface IBatchSink
{
    Task<BatchOutcome> WriteAsync(RecordBatch batch, CancellationToken cancellationToken);

    /// <summary>Commits what the sink still holds after the last batch; false when the job was fenced meanwhile.</summary>
    Task<bool> CompleteAsync(CancellationToken cancellationToken);
}

public sealed record RecordBatch(long FirstRow, long LastRow, IReadOnlyList<MappedRecord> Records);

public readonly record struct BatchOutcome(int Inserted, int Updated, int Skipped, int Failed, bool Fenced = false)
{
    public static BatchOutcome Stop => new(0, 0, 0, 0, Fenced: true);
}
