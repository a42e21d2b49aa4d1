using System.Data.Common;
using Ferry.Core;
using Ferry.Data.Workflow;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Server.Infrastructure;

/// <summary>Turns Ferry's exceptions into RFC 9457 problem details carrying the spec's error code.</summary>
sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            FerryException e => Problem(ErrorStatus.For(e.ErrorCode), ErrorStatus.Title(e.ErrorCode), e.Message, e.ErrorCode, e.Field, e.SourceLocation),
            NotFoundException e => Problem(StatusCodes.Status404NotFound, ErrorStatus.Title(ErrorCodes.NotFound), e.Message, ErrorCodes.NotFound, null, null),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem(StatusCodes.Status413PayloadTooLarge,
                ErrorStatus.Title(ErrorCodes.FileTooLarge), "The request is larger than the upload limit. Split the file or ask an administrator to raise Storage:MaxUploadBytes.", ErrorCodes.FileTooLarge, null, null),
            BadHttpRequestException e => BadRequest(e, httpContext),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, ErrorStatus.Title(ErrorCodes.ConcurrentMigration),
                "The job was changed by another request while this one ran; nothing of this request was saved. Reload the job and try again.", ErrorCodes.ConcurrentMigration, null, null),
            DbException { SqlState: ['2', '2', ..] } or DbUpdateException { InnerException: DbException { SqlState: ['2', '2', ..] } } => Problem(
                StatusCodes.Status400BadRequest, ErrorStatus.Title(ErrorCodes.InvalidRequest),
                "A value in the request is one the database cannot store (too long, or with characters it refuses); nothing was changed. Shorten or clean the value.",
                ErrorCodes.InvalidRequest, null, null),
            DbUpdateException { InnerException: DbException } or DbException or TimeoutException => Problem(StatusCodes.Status503ServiceUnavailable, ErrorStatus.Title(ErrorCodes.DatabaseError),
                "The database did not answer; nothing was changed. Try again shortly.", ErrorCodes.DatabaseError, null, null),
            _ => null,
        };
        if (problem is null)
        {
            LogUnhandled(exception, httpContext.Request.Path);
            return false;
        }
        if (problem.Status >= 500)
        {
            LogUnhandled(exception, httpContext.Request.Path);
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    static ProblemDetails BadRequest(BadHttpRequestException exception, HttpContext httpContext)
    {
        // The exception handler has cleared the endpoint by now; the feature keeps the one that failed.
        var (field, detail) = RequestProblems.Describe(exception, httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint);
        var status = exception.StatusCode is >= 400 and < 500 ? exception.StatusCode : StatusCodes.Status400BadRequest;
        return Problem(status, ErrorStatus.Title(ErrorCodes.InvalidRequest), detail, ErrorCodes.InvalidRequest, field, null);
    }

    static ProblemDetails Problem(int status, string title, string detail, string? errorCode, string? field, string? location)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errorCode is not null)
        {
            problem.Extensions["error_code"] = errorCode;
        }
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }
        if (location is not null)
        {
            problem.Extensions["source_location"] = location;
        }
        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request to {Path} failed")]
    partial void LogUnhandled(Exception exception, string path);
}
