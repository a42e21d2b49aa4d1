using System.Text.Json;
using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Data.Workflow;
using Ferry.Server.Infrastructure;
using Ferry.Sources.Tally;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ferry.Server.Features.Tally;

static class TallyApi
{
    public static void MapTally(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/tally/data-types", GetDataTypes).WithTags("Tally").RequireAuthorization(FerryServerExtensions.MigrationPolicy).WithName(nameof(GetDataTypes));
        routes.MapGet("/jobs/{jobId:guid}/reconciliation", GetReconciliation).WithTags("Execution")
            .RequireAuthorization(FerryServerExtensions.MigrationPolicy).WithName(nameof(GetReconciliation));
    }

    static Ok<IReadOnlyList<TallyDataTypes.DataType>> GetDataTypes() => TypedResults.Ok(TallyDataTypes.All);

    static async Task<Ok<JsonElement>> GetReconciliation(Guid jobId, JobWorkflow workflow, CancellationToken cancellationToken)
    {
        var job = await workflow.FindAsync(jobId, cancellationToken);
        return JsonColumn.Parse(job.Reconciliation) is { } reconciliation
            ? TypedResults.Ok(reconciliation)
            : throw new FerryException(ErrorCodes.InvalidJobState, JobWorkflow.IsBooks(job)
                ? $"The job is '{job.Status.ToSnakeCase()}'; its reconciliation is written when the import finishes."
                : "Only whole-books imports (a Tally export) have a reconciliation; this job imports a table.");
    }
}
