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
}
