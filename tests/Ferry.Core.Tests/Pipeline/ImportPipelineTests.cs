using System.Globalization;
using Ferry.Core.Mapping;
using Ferry.Core.Pipeline;
using Ferry.Erp.Schemas;

namespace Ferry.Core.Tests.Pipeline;

public sealed class ImportPipelineTests
{
    static readonly string[] Columns = ["Customer Name", "E-mail"];

    static RecordMapper Mapper() =>
        RecordMapper.Create(new ContactSchema(), Columns, [new FieldMapping("Customer Name", "display_name"), new FieldMapping("E-mail", "email")]);

    static InMemoryRecordReader Customers(int count, params int[] rowsWithoutName) =>
        new(Columns, Enumerable.Range(1, count)
            .Select(i => new string?[] { rowsWithoutName.Contains(i) ? "" : "Customer " + i.ToString(CultureInfo.InvariantCulture), $"c{i}@example.in" })
            .ToList());

    static Task<PipelineResult> Run(InMemoryRecordReader reader, IBatchSink sink, int batchSize = 3, long checkpoint = 0) =>
        new ImportPipeline(Mapper(), batchSize).RunAsync(reader, checkpoint, sink, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Seven_rows_in_batches_of_three_are_written_as_three_three_and_one()
    {
        var sink = new RecordingBatchSink();

        var result = await Run(Customers(7), sink);

        Assert.Equal([(1L, 3L), (4L, 6L), (7L, 7L)], sink.Batches.Select(b => (b.FirstRow, b.LastRow)));
        Assert.Equal([3, 3, 1], sink.Batches.Select(b => b.Records.Count));
        Assert.Equal(7, result.Inserted);
        Assert.False(result.Fenced);
        Assert.True(sink.Completed);
    }

    [Fact]
    public async Task Mapped_records_keep_their_row_number_location_and_values()
    {
        var sink = new RecordingBatchSink();

        await Run(Customers(2), sink);

        var second = sink.Batches.Single().Records[1];
        Assert.Equal(2, second.RowNumber);
        Assert.Equal("row 3", second.Location);
        Assert.Equal("Customer 2", second["display_name"]);
        Assert.Equal("CUSTOMER 2|", second.NaturalKey);
    }

    [Fact]
    public async Task Resuming_after_a_checkpoint_writes_exactly_the_remaining_rows()
    {
        var sink = new RecordingBatchSink();

        var result = await Run(Customers(7), sink, checkpoint: 4);

        Assert.Equal([5L, 6L, 7L], sink.RowsWritten);
        Assert.Equal(3, result.Processed);
    }

    [Fact]
    public async Task An_interrupted_run_and_its_resumption_write_every_row_exactly_once()
    {
        var interrupted = new RecordingBatchSink(fenceOnBatch: 3);
        await Run(Customers(10), interrupted, batchSize: 3);
        var checkpoint = interrupted.Batches[^1].LastRow;

        var resumed = new RecordingBatchSink();
        await Run(Customers(10), resumed, batchSize: 3, checkpoint: checkpoint);

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), interrupted.RowsWritten.Concat(resumed.RowsWritten));
        Assert.Equal([(7L, 9L), (10L, 10L)], resumed.Batches.Select(b => (b.FirstRow, b.LastRow)));
    }

    [Fact]
    public async Task A_fenced_batch_stops_the_run_and_is_not_counted()
    {
        var sink = new RecordingBatchSink(fenceOnBatch: 2);
        var reader = Customers(9);

        var result = await Run(reader, sink);

        Assert.True(result.Fenced);
        Assert.Equal(2, sink.Calls);
        Assert.Equal(3, result.Inserted);
        Assert.Equal(6, reader.RowsRead);
        Assert.False(sink.Completed);
    }

    [Fact]
    public async Task Records_with_errors_are_passed_on_and_counted_as_failed()
    {
        var sink = new RecordingBatchSink();

        var result = await Run(Customers(7, rowsWithoutName: [2, 6]), sink);

        Assert.Equal(2, result.Failed);
        Assert.Equal(5, result.Inserted);
        Assert.Equal(7, result.Processed);
        Assert.Equal([2L, 6L], sink.Batches.SelectMany(b => b.Records).Where(r => r.HasErrors).Select(r => r.RowNumber));
    }

    [Fact]
    public async Task Cancelling_during_a_batch_stops_before_the_next_batch()
    {
        using var cancel = new CancellationTokenSource();
        var sink = new RecordingBatchSink(cancelWhileWriting: cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ImportPipeline(Mapper(), 3).RunAsync(Customers(7), 0, sink, cancel.Token));

        Assert.Equal([1L, 2L, 3L], sink.RowsWritten);
    }

    [Fact]
    public async Task An_empty_file_writes_nothing()
    {
        var sink = new RecordingBatchSink();

        var result = await Run(Customers(0), sink);

        Assert.Equal(0, sink.Calls);
        Assert.Equal(0, result.Processed);
    }

    [Fact]
    public async Task A_checkpoint_at_the_last_row_writes_nothing()
    {
        var sink = new RecordingBatchSink();

        await Run(Customers(6), sink, checkpoint: 6);

        Assert.Equal(0, sink.Calls);
    }

    [Fact]
    public async Task A_batch_size_below_one_is_refused() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Run(Customers(3), new RecordingBatchSink(), batchSize: 0));
}
