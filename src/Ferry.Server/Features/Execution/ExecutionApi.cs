using System.Text.Json;
using Ferry.Core.Jobs;
using Ferry.Core.Pipeline;
using Ferry.Data;
using Ferry.Data.Workflow;
using Ferry.Server.Features.Logs;
using Ferry.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Server.Features.Execution;

static class ExecutionApi
{
    public static RouteGroupBuilder MapExecution(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/jobs/{jobId:guid}").WithTags("Execution").RequireAuthorization(FerryServerExtensions.MigrationPolicy);
        group.MapPost("/validate", Validate).WithName(nameof(Validate));
        group.MapPost("/execute", Execute).WithName(nameof(Execute));
        group.MapPost("/start", Execute).WithName("Start");
        group.MapGet("/progress", GetProgress).WithName(nameof(GetProgress));
        group.MapPost("/rollback", Rollback).WithName(nameof(Rollback));
        return group;
    }

    static async Task<Ok<JsonElement>> Validate(Guid jobId, JobWorkflow workflow, CancellationToken cancellationToken)
    {
        var report = await workflow.ValidateAsync(jobId, cancellationToken);
        return TypedResults.Ok(JsonSerializer.SerializeToElement<ValidationReport>(report, JsonDocuments.Options));
    }

    static async Task<Accepted<AcceptedResponse>> Execute(Guid jobId, JobWorkflow workflow, CancellationToken cancellationToken)
    {
        var job = await workflow.ExecuteAsync(jobId, cancellationToken);
        return Accepted(job);
    }

    static async Task<Accepted<AcceptedResponse>> Rollback(Guid jobId, JobWorkflow workflow, CancellationToken cancellationToken)
    {
        var job = await workflow.RollbackAsync(jobId, cancellationToken);
        return Accepted(job);
    }

    static Accepted<AcceptedResponse> Accepted(MigrationJob job)
    {
        var progress = $"/api/v1/migration/jobs/{job.Id}/progress";
        return TypedResults.Accepted(progress, new AcceptedResponse(job.Id, job.Status, progress));
    }

    /// <summary>Progress is what has committed: the counters move in the same transaction as each batch.</summary>
    static async Task<Ok<ProgressResponse>> GetProgress(Guid jobId, JobWorkflow workflow, FerryDbContext db, CancellationToken cancellationToken)
    {
        var job = await workflow.FindAsync(jobId, cancellationToken);
        var recent = await db.JobLogs.Where(l => l.JobId == jobId).OrderByDescending(l => l.Id).Take(10).ToListAsync(cancellationToken);
        var now = DateTime.UtcNow;
        double? rate = null;
        double? eta = null;
        if (job.Status == JobStatus.Running && job.RunStartedAt is { } since && now > since)
        {
            var done = job.Checkpoint - job.RunStartCheckpoint;
            rate = done > 0 ? done / (now - since).TotalSeconds : null;
            eta = rate is > 0 ? Math.Max(0, job.RecordsTotal - job.RecordsProcessed) / rate.Value : null;
        }
        else if (job.FinishedAt is { } finished && job.StartedAt is { } started && finished > started && job.RecordsProcessed > 0)
        {
            rate = job.RecordsProcessed / (finished - started).TotalSeconds;
        }
        var percentage = job.Status is JobStatus.Completed or JobStatus.CompletedWithErrors
            ? 100.0
            : job.RecordsTotal == 0 ? 0 : Math.Round(100.0 * job.RecordsProcessed / job.RecordsTotal, 2);
        return TypedResults.Ok(new ProgressResponse(
            job.Id, job.Status, percentage, job.RecordsTotal, job.RecordsProcessed, job.RecordsSucceeded, job.RecordsInserted,
            job.RecordsUpdated, job.RecordsSkipped, job.RecordsFailed, job.StartedAt, job.FinishedAt,
            rate is null ? null : Math.Round(rate.Value, 1), eta is null ? null : Math.Round(eta.Value, 1),
            eta is null ? null : now.AddSeconds(eta.Value), job.CancelRequested, job.Attempts, job.LastError,
            JsonColumn.Parse(job.RollbackSummary),
            [.. recent.Select(LogEntryResponse.From)]));
    }
}
