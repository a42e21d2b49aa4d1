using Ferry.Data.Import;

namespace Ferry.Data.Tests.Import;

/// <summary>
/// A transaction gathers batches for the configured interval, longer when commits grow expensive, so commits stay a
/// tenth of the work; never so long that the lease could lapse or other writers wait long.
/// </summary>
public sealed class CommitRhythmTests
{
    static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public void Cheap_commits_keep_the_configured_interval()
    {
        var rhythm = new CommitRhythm(TimeSpan.FromSeconds(1), Lease);

        rhythm.Committed(TimeSpan.FromMilliseconds(20));

        Assert.Equal(TimeSpan.FromSeconds(1), rhythm.Window);
    }

    [Fact]
    public void An_expensive_commit_stretches_the_next_window_to_nine_times_its_cost()
    {
        var rhythm = new CommitRhythm(TimeSpan.FromSeconds(1), Lease);

        rhythm.Committed(TimeSpan.FromMilliseconds(400));

        Assert.Equal(TimeSpan.FromMilliseconds(3600), rhythm.Window);
    }

    [Fact]
    public void The_window_shrinks_again_when_commits_get_cheap()
    {
        var rhythm = new CommitRhythm(TimeSpan.FromSeconds(1), Lease);

        rhythm.Committed(TimeSpan.FromMilliseconds(400));
        rhythm.Committed(TimeSpan.FromMilliseconds(150));

        Assert.Equal(TimeSpan.FromMilliseconds(1350), rhythm.Window);
    }

    [Theory]
    [InlineData(30, 5000)]
    [InlineData(6, 2000)]
    public void The_window_stays_under_five_seconds_and_a_third_of_the_lease(int leaseSeconds, int longestMilliseconds)
    {
        var rhythm = new CommitRhythm(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(leaseSeconds));

        rhythm.Committed(TimeSpan.FromSeconds(4));

        Assert.Equal(TimeSpan.FromMilliseconds(longestMilliseconds), rhythm.Window);
    }

    [Fact]
    public void A_configured_interval_longer_than_the_cap_is_kept()
    {
        var rhythm = new CommitRhythm(TimeSpan.FromHours(1), Lease);

        rhythm.Committed(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromHours(1), rhythm.Window);
    }

    [Fact]
    public void A_zero_interval_commits_every_batch_whatever_commits_cost()
    {
        var rhythm = new CommitRhythm(TimeSpan.Zero, Lease);
        rhythm.Committed(TimeSpan.FromSeconds(2));

        rhythm.Opened();

        Assert.True(rhythm.IsDue);
        Assert.Equal(TimeSpan.Zero, rhythm.Window);
    }
}
