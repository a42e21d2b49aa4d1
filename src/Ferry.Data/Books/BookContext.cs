using Ferry.Core.Jobs;
using Ferry.Erp.Books;

namespace Ferry.Data.Books;

/// <summary>Who is importing which books, under which lease, with which conflict rule and options.</summary>
sealed record BookContext(
    Guid JobId,
    Guid OrganizationId,
    long Epoch,
    ConflictStrategy Strategy,
    long Checkpoint,
    TimeSpan LeaseDuration,
    TimeSpan CommitInterval,
    BookOptions Options);
