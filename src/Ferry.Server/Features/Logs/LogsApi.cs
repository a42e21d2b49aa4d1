using Ferry.Core;
using System.Text.Json;
using Ferry.Core.Jobs;
using Ferry.Data;
using Ferry.Data.Workflow;
using Ferry.Server.Features.Jobs;
using Ferry.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Server.Features.Logs;

public sealed record LogEntryResponse(
    long Id,
    DateTime CreatedAt,
    string Level,
    string Message,
    string? SourceRecordId,
    string? SourceLocation,
    string? ErrorCode,
    JsonElement? ErrorDetails,
    string? Operation)
{
    public static LogEntryResponse From(JobLogEntry e) => new(e.Id, e.CreatedAt, e.Level.ToSnakeCase().ToUpperInvariant(), e.Message, e.SourceRecordId,
        e.SourceLocation, e.ErrorCode, JsonColumn.Parse(e.ErrorDetails), e.Operation);
}

static class LogsApi
{
    static readonly string[] ConflictOperations = ["skip_duplicate", "update_duplicate", "create_new_duplicate"];

    public static RouteGroupBuilder MapLogs(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/jobs/{jobId:guid}").WithTags("Logs").RequireAuthorization(FerryServerExtensions.MigrationPolicy);
        group.MapGet("/logs", GetLogs).WithName(nameof(GetLogs));
        group.MapGet("/conflicts", GetConflicts).WithName(nameof(GetConflicts));
        return group;
    }

    static async Task<Ok<Paged<LogEntryResponse>>> GetLogs(Guid jobId, JobWorkflow workflow, FerryDbContext db, string? level, string? operation,
        int? page, [FromQuery(Name = "page_size")] int? pageSize, CancellationToken cancellationToken)
    {
        await workflow.FindAsync(jobId, cancellationToken);
        var query = db.JobLogs.Where(l => l.JobId == jobId);
        if (level is not null)
        {
            if (!SnakeCaseNames.TryParse<JobLogLevel>(level, out var minimum))
            {
                throw new FerryException(ErrorCodes.InvalidRequest, $"'{Echo.Of(level)}' is not a log level. Use debug, info, warning, error or critical.") { Field = "level" };
            }
            var levels = Enum.GetValues<JobLogLevel>().Where(l => l >= minimum).ToList();
            query = query.Where(l => levels.Contains(l.Level));
        }
        if (operation is not null)
        {
            query = query.Where(l => l.Operation == operation);
        }
        return TypedResults.Ok(await PageAsync(query, page, pageSize, cancellationToken));
    }

    static async Task<Ok<Paged<LogEntryResponse>>> GetConflicts(Guid jobId, JobWorkflow workflow, FerryDbContext db,
        int? page, [FromQuery(Name = "page_size")] int? pageSize, CancellationToken cancellationToken)
    {
        await workflow.FindAsync(jobId, cancellationToken);
        var query = db.JobLogs.Where(l => l.JobId == jobId && ConflictOperations.Contains(l.Operation!));
        return TypedResults.Ok(await PageAsync(query, page, pageSize, cancellationToken));
    }

    static async Task<Paged<LogEntryResponse>> PageAsync(IQueryable<JobLogEntry> query, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        return await Paging.Of(page, pageSize).ReadAsync(query.OrderBy(l => l.Id), LogEntryResponse.From, cancellationToken);
    }
}
