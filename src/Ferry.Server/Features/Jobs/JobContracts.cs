using System.Text.Json;
using Ferry.Core.Jobs;
using Ferry.Core.Profiling;
using Ferry.Core.Sources;
using Ferry.Data.Books;
using Ferry.Data.Workflow;
using Ferry.Erp.Books;
using Ferry.Server.Infrastructure;

namespace Ferry.Server.Features.Jobs;

public sealed record CreateJobRequest(
    string? Name,
    string? Description,
    SourceType? SourceType,
    List<string>? DataTypes,
    ConflictStrategy? ConflictStrategy,
    int? BatchSize,
    JobOptionsRequest? Options = null);

/// <summary>
/// Options of a whole-books (Tally) import: the ledger that takes the difference in opening balances, and whether
/// ledgers and items that vouchers name but nobody imported are created as placeholders under Suspense A/c.
/// </summary>
public sealed record JobOptionsRequest(string? AdjustmentLedger, bool? CreateMissingMasters)
{
    public BookOptions ToOptions() => new()
    {
        AdjustmentLedger = AdjustmentLedger ?? BookOptions.DefaultAdjustmentLedger,
        CreateMissingMasters = CreateMissingMasters ?? false,
    };
}

public sealed record UpdateJobRequest(
    string? Name,
    string? Description,
    List<string>? DataTypes,
    ConflictStrategy? ConflictStrategy,
    int? BatchSize,
    string? SourceTable,
    int? HeaderRow,
    JobOptionsRequest? Options = null,
    string? Encoding = null);

public sealed record FileResponse(
    string? Name,
    long? SizeBytes,
    string? Sha256,
    DateTime? UploadedAt,
    string Format,
    string Encoding,
    string? Delimiter,
    string? Quote,
    string? LineEnding,
    string Table,
    int HeaderRow,
    IReadOnlyList<string> Columns,
    long RowCount,
    IReadOnlyList<IReadOnlyDictionary<string, string?>> Preview,
    IReadOnlyList<ColumnProfile> ColumnProfiles,
    IReadOnlyList<DataTypeSuggestion> SuggestedDataTypes,
    IReadOnlyList<TableInspection> Tables,
    BookSummary? Books);

public sealed record JobCounts(
    long RecordsTotal,
    long RecordsProcessed,
    long RecordsSucceeded,
    long RecordsInserted,
    long RecordsUpdated,
    long RecordsSkipped,
    long RecordsFailed);

public sealed record JobResponse(
    Guid Id,
    string Name,
    string? Description,
    SourceType SourceType,
    IReadOnlyList<string> DataTypes,
    ConflictStrategy ConflictStrategy,
    JobStatus Status,
    int BatchSize,
    long? CreatedBy,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? QueuedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    DateTime? RolledBackAt,
    bool CancelRequested,
    string? LastError,
    JobCounts Counts,
    FileResponse? File,
    JsonElement? Validation,
    JsonElement? RollbackSummary,
    BookOptions? Options,
    JsonElement? ByEntity,
    JsonElement? Reconciliation)
{
    public static JobResponse From(MigrationJob job) => new(
        job.Id, job.Name, job.Description, job.SourceType, job.DataTypes, job.ConflictStrategy, job.Status, job.BatchSize,
        job.CreatedByUserId, job.CreatedAt, job.UpdatedAt, job.QueuedAt, job.StartedAt, job.FinishedAt, job.RolledBackAt,
        job.CancelRequested, job.LastError,
        new JobCounts(job.RecordsTotal, job.RecordsProcessed, job.RecordsSucceeded, job.RecordsInserted, job.RecordsUpdated, job.RecordsSkipped, job.RecordsFailed),
        FileOf(job),
        JsonColumn.Parse(job.ValidationReport),
        JsonColumn.Parse(job.RollbackSummary),
        JobWorkflow.IsBooks(job) ? BookJobOptions.Read(job.Options) : null,
        JsonColumn.Parse(job.EntityCounts),
        JsonColumn.Parse(job.Reconciliation));

    static FileResponse? FileOf(MigrationJob job)
    {
        if (JsonDocuments.Deserialize<FileProfile>(job.FileProfile) is not { } profile)
        {
            return null;
        }
        var table = profile.Selected;
        return new FileResponse(job.FileName, job.FileSize, job.FileSha256, job.UploadedAt, profile.Format, profile.Encoding, profile.Delimiter, profile.Quote,
            profile.LineEnding, table.Name, table.HeaderRow, table.Columns, table.RowCount, table.Preview, table.ColumnProfiles, table.SuggestedDataTypes,
            profile.Tables, profile.Books);
    }
}

public sealed record Paged<T>(IReadOnlyList<T> Items, long Total, int Page, int PageSize);
