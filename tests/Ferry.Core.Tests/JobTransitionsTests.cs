using Ferry.Core;
using Ferry.Core.Jobs;

namespace Ferry.Core.Tests;

public sealed class JobTransitionsTests
{
    [Fact]
    public void A_running_job_cannot_be_rolled_back_until_it_finishes()
    {
        var error = Assert.Throws<FerryException>(() => JobTransitions.EnsureCanMove(JobStatus.Running, JobStatus.RollingBack, "roll back"));
        Assert.Equal(ErrorCodes.InvalidJobState, error.ErrorCode);
        Assert.Contains("running", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(JobStatus.Completed)]
    [InlineData(JobStatus.CompletedWithErrors)]
    [InlineData(JobStatus.Cancelled)]
    public void Finished_jobs_can_be_rolled_back(JobStatus status) =>
        Assert.True(JobTransitions.CanMove(status, JobStatus.RollingBack));

    [Fact]
    public void A_rolled_back_job_is_final() =>
        Assert.All(Enum.GetValues<JobStatus>(), to => Assert.False(JobTransitions.CanMove(JobStatus.RolledBack, to)));

    [Fact]
    public void A_failed_import_can_be_queued_again() =>
        Assert.True(JobTransitions.CanMove(JobStatus.Failed, JobStatus.Queued));

    [Fact]
    public void A_draft_cannot_be_queued_and_the_message_says_to_upload_first()
    {
        var error = Assert.Throws<FerryException>(() => JobTransitions.EnsureCanMove(JobStatus.Draft, JobStatus.Queued, "start"));

        Assert.Equal(ErrorCodes.InvalidJobState, error.ErrorCode);
        Assert.Contains("Upload a file first.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_status_has_rules_for_every_other_status() =>
        Assert.All(Enum.GetValues<JobStatus>(), from =>
            Assert.All(Enum.GetValues<JobStatus>(), to => JobTransitions.CanMove(from, to)));

    [Fact]
    public void No_status_is_both_finished_and_in_progress() =>
        Assert.All(Enum.GetValues<JobStatus>(), status =>
            Assert.False(JobTransitions.IsTerminal(status) && JobTransitions.IsActive(status), status.ToString()));

    [Fact]
    public void An_active_job_can_only_move_on_by_finishing_or_failing() =>
        Assert.All(Enum.GetValues<JobStatus>().Where(JobTransitions.IsActive), status =>
            Assert.DoesNotContain(Enum.GetValues<JobStatus>(), to => JobTransitions.CanMove(status, to) && to is JobStatus.Draft or JobStatus.Uploaded or JobStatus.Mapped or JobStatus.Validated));
}
