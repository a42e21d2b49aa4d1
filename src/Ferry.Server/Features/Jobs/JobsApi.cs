using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Data;
using Ferry.Data.Storage;
using Ferry.Data.Workflow;
using Ferry.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Ferry.Server.Features.Jobs;

static class JobsApi
{
    public static RouteGroupBuilder MapJobs(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/jobs").WithTags("Jobs").RequireAuthorization(FerryServerExtensions.MigrationPolicy);
        group.MapPost("/", CreateJob).WithName(nameof(CreateJob));
        group.MapGet("/", ListJobs).WithName(nameof(ListJobs));
        group.MapGet("/{jobId:guid}", GetJob).WithName(nameof(GetJob));
        group.MapGet("/{jobId:guid}/profile", GetProfile).WithName(nameof(GetProfile));
        group.MapPut("/{jobId:guid}", UpdateJob).WithName(nameof(UpdateJob));
        group.MapDelete("/{jobId:guid}", DeleteJob).WithName(nameof(DeleteJob));
        // The body may carry multipart framing around the file; the file itself is capped exactly while it streams.
        var maxBody = routes.ServiceProvider.GetRequiredService<StorageOptions>().MaxUploadBytes + 1024 * 1024;
        group.MapPost("/{jobId:guid}/upload", Upload).WithName(nameof(Upload)).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(maxBody));
        group.MapPost("/{jobId:guid}/cancel", CancelJob).WithName(nameof(CancelJob));
        return group;
    }

    static async Task<Created<JobResponse>> CreateJob(CreateJobRequest request, JobWorkflow workflow, HttpContext http, CancellationToken cancellationToken)
    {
        var job = await workflow.CreateAsync(http.User.OrganizationId(), http.User.UserId(), new NewJob(
            request.Name ?? "",
            request.Description,
            request.SourceType ?? SourceType.Csv,
            request.DataTypes ?? [],
            request.ConflictStrategy ?? ConflictStrategy.Skip,
            request.BatchSize,
            request.Options?.ToOptions()), cancellationToken);
        return TypedResults.Created($"/api/v1/migration/jobs/{job.Id}", JobResponse.From(job));
    }

    static async Task<Ok<Paged<JobSummaryResponse>>> ListJobs(FerryDbContext db, int? page, [FromQuery(Name = "page_size")] int? pageSize, string? status, CancellationToken cancellationToken)
    {
        var query = db.Jobs.AsQueryable();
        if (status is not null)
        {
            if (!SnakeCaseNames.TryParse<JobStatus>(status, out var wanted))
            {
                throw new FerryException(ErrorCodes.InvalidRequest, $"'{Echo.Of(status)}' is not a job status. Use one of: {string.Join(", ", Enum.GetValues<JobStatus>().Select(s => s.ToSnakeCase()))}.") { Field = "status" };
            }
            query = query.Where(j => j.Status == wanted);
        }
        // Only the summary's columns are read: never the file profile or the reports.
        var summaries = query.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Select(j => new JobSummaryResponse(
            j.Id, j.Name, j.Description, j.SourceType, j.DataTypes, j.ConflictStrategy, j.Status, j.CreatedByUserId, j.CreatedAt, j.UpdatedAt,
            j.StartedAt, j.FinishedAt, j.RolledBackAt, j.CancelRequested, j.LastError,
            new JobCounts(j.RecordsTotal, j.RecordsProcessed, j.RecordsInserted + j.RecordsUpdated, j.RecordsInserted, j.RecordsUpdated, j.RecordsSkipped, j.RecordsFailed),
            j.FileName, j.FileSize));
        return TypedResults.Ok(await Paging.Of(page, pageSize).ReadAsync(summaries, s => s, cancellationToken));
    }

    /// <summary>One table of the job's file, its columns paged: their profiles and the first rows' values.</summary>
    static async Task<Ok<TableProfileResponse>> GetProfile(Guid jobId, string? table, int? page, [FromQuery(Name = "page_size")] int? pageSize,
        JobWorkflow workflow, CancellationToken cancellationToken)
    {
        var job = await workflow.FindAsync(jobId, cancellationToken);
        var profile = StoredProfile.Read(job)
            ?? throw new FerryException(ErrorCodes.InvalidJobState, "The job has no file yet; upload one first.");
        var chosen = table is null ? profile.Selected : profile.Tables.FirstOrDefault(t => t.Name == table)
            ?? throw new NotFoundException($"The file has no table '{Echo.Of(table)}'. Its tables are listed under file.tables of the job.");
        return TypedResults.Ok(TableProfileResponse.Of(job.Id, chosen, Paging.Of(page, pageSize)));
    }

    static async Task<Ok<JobResponse>> GetJob(Guid jobId, JobWorkflow workflow, CancellationToken cancellationToken) =>
        TypedResults.Ok(JobResponse.From(await workflow.FindAsync(jobId, cancellationToken)));

    static async Task<Ok<JobResponse>> UpdateJob(Guid jobId, UpdateJobRequest request, JobWorkflow workflow, CancellationToken cancellationToken) =>
        TypedResults.Ok(JobResponse.From(await workflow.UpdateAsync(jobId,
            new JobChanges(request.Name, request.Description, request.DataTypes, request.ConflictStrategy, request.BatchSize, request.SourceTable, request.HeaderRow,
                request.Options?.AdjustmentLedger, request.Options?.CreateMissingMasters, request.Encoding), cancellationToken)));

    static async Task<NoContent> DeleteJob(Guid jobId, [FromQuery(Name = "keep_data")] bool? keepData, JobWorkflow workflow, HttpContext http, CancellationToken cancellationToken)
    {
        await workflow.DeleteAsync(jobId, keepData ?? false, http.User.UserId(), cancellationToken);
        return TypedResults.NoContent();
    }

    static async Task<Ok<JobResponse>> CancelJob(Guid jobId, JobWorkflow workflow, CancellationToken cancellationToken) =>
        TypedResults.Ok(JobResponse.From(await workflow.CancelAsync(jobId, cancellationToken)));

    /// <summary>Streams the multipart field "file" straight to storage; the body is never buffered in memory.</summary>
    static async Task<Ok<JobResponse>> Upload(Guid jobId, HttpRequest request, JobWorkflow workflow, StorageOptions storage, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw new FerryException(ErrorCodes.InvalidRequest, "Send the file as multipart/form-data in a field named 'file'.") { Field = "file" };
        }
        var reader = new MultipartReader(boundary, request.Body);
        while (await NextSectionAsync(reader, cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data")
                || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "file", StringComparison.Ordinal))
            {
                continue;
            }
            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            var (job, _) = await workflow.UploadAsync(jobId, new MultipartBodyStream(section.Body), fileName, storage.MaxUploadBytes, cancellationToken);
            return TypedResults.Ok(JobResponse.From(job));
        }
        throw new FerryException(ErrorCodes.InvalidRequest, "The request has no multipart field named 'file'.") { Field = "file" };
    }

    static async Task<MultipartSection?> NextSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (Exception e) when (e is (IOException or InvalidDataException) and not BadHttpRequestException)
        {
            throw MultipartBodyStream.Malformed(e);
        }
    }
}
