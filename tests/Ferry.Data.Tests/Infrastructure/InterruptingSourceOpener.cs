using Ferry.Core.Sources;
using Ferry.Sources;

namespace Ferry.Data.Tests.Infrastructure;

/// <summary>
/// Opens uploads like the real opener, but calls an action once, when a reader reaches the given row — to crash,
/// cancel or take the job over in the middle of a run. Later readers (a resumed run) are not interrupted.
/// </summary>
public sealed class InterruptingSourceOpener(long row, Action interrupt) : ISourceOpener
{
    readonly SourceOpener _inner = new();
    int _fired;

    public IRecordReader Open(string path, TableChoice? choice = null) => new Reader(_inner.Open(path, choice), this);

    public FileInspection Inspect(string path, InspectOptions? options = null) => _inner.Inspect(path, options);

    void OnRow(long number)
    {
        if (number == row && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            interrupt();
        }
    }

    sealed class Reader(IRecordReader inner, InterruptingSourceOpener opener) : IRecordReader
    {
        public IReadOnlyList<string> Columns => inner.Columns;

        public long RowNumber => inner.RowNumber;

        public string Location => inner.Location;

        public bool Read()
        {
            var read = inner.Read();
            if (read)
            {
                opener.OnRow(inner.RowNumber);
            }
            return read;
        }

        public string? GetValue(int ordinal) => inner.GetValue(ordinal);

        public void Dispose() => inner.Dispose();
    }
}
