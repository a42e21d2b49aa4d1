using Ferry.Data;
using Ferry.Data.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Server.Features.Health;

public sealed record HealthCheck(string Status, string? Detail);

public sealed record HealthResponse(string Status, DateTime CheckedAt, IReadOnlyDictionary<string, HealthCheck> Checks);

static class HealthApi
{
    public static RouteGroupBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/health").WithTags("Health");
        group.MapGet("/", GetHealth).AllowAnonymous().WithName(nameof(GetHealth));
        return group;
    }

    static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetHealth(
        FerryDbContext db, UploadStore uploads, DatabaseOptions database, CancellationToken cancellationToken)
    {
        HealthCheck databaseCheck;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            databaseCheck = await db.Database.CanConnectAsync(timeout.Token)
                ? new HealthCheck("healthy", database.Provider.ToString().ToLowerInvariant())
                : new HealthCheck("unhealthy", "cannot connect");
        }
        catch (Exception e) when (e is OperationCanceledException or System.Data.Common.DbException or InvalidOperationException)
        {
            databaseCheck = new HealthCheck("unhealthy", e.Message);
        }
        var storageCheck = uploads.IsWritable() ? new HealthCheck("healthy", null) : new HealthCheck("unhealthy", "the upload folder is not writable");
        var healthy = databaseCheck.Status == "healthy" && storageCheck.Status == "healthy";
        var response = new HealthResponse(healthy ? "healthy" : "unhealthy", DateTime.UtcNow,
            new Dictionary<string, HealthCheck> { ["database"] = databaseCheck, ["storage"] = storageCheck });
        return healthy ? TypedResults.Ok(response) : TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
