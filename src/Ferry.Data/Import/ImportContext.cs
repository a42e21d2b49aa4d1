using Ferry.Core.Jobs;

namespace Ferry.Data.Import;

/// <summary>
/// Who is importing what: the job, its organization, the lease epoch it runs under and the conflict rule, and how
/// long a transaction may gather whole batches before it commits.
/// </summary>
sealed record ImportContext(
    Guid JobId,
    Guid OrganizationId,
    long Epoch,
    ConflictStrategy Strategy,
    long Checkpoint,
    TimeSpan LeaseDuration,
    TimeSpan CommitInterval);
