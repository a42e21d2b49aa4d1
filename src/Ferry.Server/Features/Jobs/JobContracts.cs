using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Ferry.Core.Jobs;
using Ferry.Core.Profiling;
using Ferry.Core.Sources;
using Ferry.Data.Books;
using Ferry.Data.Workflow;
using Ferry.Erp.Books;
using Ferry.Core;
using Ferry.Server.Infrastructure;

namespace Ferry.Server.Features.Jobs;

public sealed record CreateJobRequest(
    [property: StringLength(RequestLimits.Name)] string? Name,
    [property: StringLength(RequestLimits.Description)] string? Description,
    SourceType? SourceType,
    [property: MaxLength(RequestLimits.DataTypes)] List<string>? DataTypes,
    ConflictStrategy? ConflictStrategy,
    int? BatchSize,
    JobOptionsRequest? Options = null);

/// <summary>
/// Options of a whole-books (Tally) import: the ledger that takes the difference in opening balances, and whether
/// ledgers and items that vouchers name but nobody imported are created as placeholders under Suspense A/c.
/// </summary>
public sealed record JobOptionsRequest([property: StringLength(RequestLimits.Name)] string? AdjustmentLedger, bool? CreateMissingMasters)
{
    public BookOptions ToOptions() => new()
    {
        AdjustmentLedger = AdjustmentLedger ?? BookOptions.DefaultAdjustmentLedger,
        CreateMissingMasters = CreateMissingMasters ?? false,
    };
}

public sealed record UpdateJobRequest(
    [property: StringLength(RequestLimits.Name)] string? Name,
    [property: StringLength(RequestLimits.Description)] string? Description,
    [property: MaxLength(RequestLimits.DataTypes)] List<string>? DataTypes,
    ConflictStrategy? ConflictStrategy,
    int? BatchSize,
    [property: StringLength(RequestLimits.Name)] string? SourceTable,
    int? HeaderRow,
    JobOptionsRequest? Options = null,
    [property: StringLength(RequestLimits.Code)] string? Encoding = null);

/// <summary>
/// What the upload found, in a bounded summary: per table its size and the data types it looks like. Columns, their
/// profiles and the first rows are served per table and paged by column at /jobs/{id}/profile.
/// </summary>
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
    int ColumnCount,
    long RowCount,
    IReadOnlyList<DataTypeSuggestion> SuggestedDataTypes,
    int TableCount,
    IReadOnlyList<TableSummaryResponse> Tables,
    BookSummary? Books,
    string ProfileUrl)
{
    /// <summary>The most tables a job answer lists; the profile endpoint serves any of them by name.</summary>
    public const int MaxTablesListed = 100;
}

public sealed record TableSummaryResponse(string Name, string? Parent, int HeaderRow, int ColumnCount, long RowCount, long TotalRows,
    IReadOnlyList<DataTypeSuggestion> SuggestedDataTypes)
{
    public static TableSummaryResponse From(TableInspection table) =>
        new(table.Name, table.Parent, table.HeaderRow, table.Columns.Count, table.RowCount, table.TotalRows, table.SuggestedDataTypes);
}

/// <summary>One page of a table's columns: each column's profile, and the first rows' values of those columns.</summary>
public sealed record TableProfileResponse(
    Guid JobId,
    string Table,
    string? Parent,
    int HeaderRow,
    long RowCount,
    long TotalRows,
    int ColumnCount,
    int Page,
    int PageSize,
    IReadOnlyList<ColumnProfile> Columns,
    IReadOnlyList<IReadOnlyDictionary<string, string?>> Preview)
{
    /// <summary>Longest value shown in samples and preview cells; longer ones end in "…".</summary>
    public const int MaxShownValue = 200;

    internal static TableProfileResponse Of(Guid jobId, TableInspection table, Paging paging)
    {
        var columns = paging.Slice(table.ColumnProfiles.Count > 0 ? table.ColumnProfiles : [.. table.Columns.Select(Unprofiled)]);
        var names = columns.Items.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return new TableProfileResponse(jobId, table.Name, table.Parent, table.HeaderRow, table.RowCount, table.TotalRows, table.Columns.Count,
            columns.Page, columns.PageSize,
            [.. columns.Items.Select(c => c with { SampleValues = [.. c.SampleValues.Select(v => Echo.Of(v, MaxShownValue))] })],
            [.. table.Preview.Select(row => (IReadOnlyDictionary<string, string?>)row
                .Where(cell => names.Contains(cell.Key))
                .ToDictionary(cell => cell.Key, cell => cell.Value is null ? null : Echo.Of(cell.Value, MaxShownValue), StringComparer.Ordinal))]);
    }

    static ColumnProfile Unprofiled(string name) => new(name, "empty", 0, 0, [], [], null, []);
}

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
    public static JobResponse From(MigrationJob job) => From(job, StoredProfile.Read(job));

    static JobResponse From(MigrationJob job, FileProfile? profile) => new(
        job.Id, job.Name, job.Description, job.SourceType, job.DataTypes, job.ConflictStrategy, job.Status, job.BatchSize,
        job.CreatedByUserId, job.CreatedAt, job.UpdatedAt, job.QueuedAt, job.StartedAt, job.FinishedAt, job.RolledBackAt,
        job.CancelRequested, job.LastError,
        new JobCounts(job.RecordsTotal, job.RecordsProcessed, job.RecordsSucceeded, job.RecordsInserted, job.RecordsUpdated, job.RecordsSkipped, job.RecordsFailed),
        FileOf(job, profile),
        JsonColumn.Parse(job.ValidationReport),
        JsonColumn.Parse(job.RollbackSummary),
        BookFormats.IsBook(profile?.Format) ? BookJobOptions.Read(job.Options) : null,
        JsonColumn.Parse(job.EntityCounts),
        JsonColumn.Parse(job.Reconciliation));

    static FileResponse? FileOf(MigrationJob job, FileProfile? profile)
    {
        if (profile is null)
        {
            return null;
        }
        var table = profile.Selected;
        return new FileResponse(job.FileName, job.FileSize, job.FileSha256, job.UploadedAt, profile.Format, profile.Encoding, profile.Delimiter, profile.Quote,
            profile.LineEnding, table.Name, table.HeaderRow, table.Columns.Count, table.RowCount, table.SuggestedDataTypes,
            profile.Tables.Count, [.. profile.Tables.Take(FileResponse.MaxTablesListed).Select(TableSummaryResponse.From)], profile.Books,
            $"/api/v1/migration/jobs/{job.Id}/profile?table={Uri.EscapeDataString(table.Name)}");
    }
}

/// <summary>A job in the list: what it is and where it stands, without its file's profile or its reports.</summary>
public sealed record JobSummaryResponse(
    Guid Id,
    string Name,
    string? Description,
    SourceType SourceType,
    IReadOnlyList<string> DataTypes,
    ConflictStrategy ConflictStrategy,
    JobStatus Status,
    long? CreatedBy,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    DateTime? RolledBackAt,
    bool CancelRequested,
    string? LastError,
    JobCounts Counts,
    string? FileName,
    long? FileSize);

public sealed record Paged<T>(IReadOnlyList<T> Items, long Total, int Page, int PageSize);
