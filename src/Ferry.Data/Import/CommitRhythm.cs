using System.Data.Common;
using System.Diagnostics;

namespace Ferry.Data.Import;

/// <summary>
/// When an open transaction of whole batches should commit. It gathers batches for at least the configured interval,
/// and longer when commits grow expensive, so that committing takes at most a tenth of the run: every commit writes
/// each index page the transaction dirtied, and a natural-key index filled in random order has its pages dirtied
/// all over again in every window. The window stays under five seconds and a third of the lease, so the lease the
/// fence extends is committed long before it could lapse and other writers of a SQLite file wait little. A zero
/// interval commits every batch.
/// </summary>
sealed class CommitRhythm(TimeSpan interval, TimeSpan leaseDuration)
{
    const int WorkPerCommit = 9;
    static readonly TimeSpan Longest = TimeSpan.FromSeconds(5);

    readonly TimeSpan _shortest = interval;
    readonly TimeSpan _longest = TimeSpan.FromTicks(Math.Max(interval.Ticks, Math.Min(leaseDuration.Ticks / 3, Longest.Ticks)));
    TimeSpan _window = interval;
    long _opened;

    public TimeSpan Window => _window;

    public void Opened() => _opened = Stopwatch.GetTimestamp();

    public bool IsDue => Stopwatch.GetElapsedTime(_opened) >= _window;

    /// <summary>Commits the transaction and sets the next window from how long that took.</summary>
    public async Task CommitAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await transaction.CommitAsync(cancellationToken);
        Committed(Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Sets the next window from how long the last commit took.</summary>
    public void Committed(TimeSpan took)
    {
        if (_shortest <= TimeSpan.Zero)
        {
            return;
        }
        var wanted = took * WorkPerCommit;
        _window = wanted < _shortest ? _shortest : wanted > _longest ? _longest : wanted;
    }
}
