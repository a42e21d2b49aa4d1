using System.Text.Json;
using Ferry.Core.Jobs;
using Ferry.Server.Features.Logs;

namespace Ferry.Server.Features.Execution;

public sealed record ProgressResponse(
    Guid JobId,
    JobStatus Status,
    double Percentage,
    long RecordsTotal,
    long RecordsProcessed,
    long RecordsSucceeded,
    long RecordsInserted,
    long RecordsUpdated,
    long RecordsSkipped,
    long RecordsFailed,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    double? RowsPerSecond,
    double? EtaSeconds,
    DateTime? EstimatedCompletionAt,
    bool CancelRequested,
    int Attempts,
    string? LastError,
    JsonElement? RollbackSummary,
    IReadOnlyList<LogEntryResponse> RecentLogs);

public sealed record AcceptedResponse(Guid JobId, JobStatus Status, string ProgressUrl);
