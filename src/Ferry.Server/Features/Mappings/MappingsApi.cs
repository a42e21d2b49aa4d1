using Ferry.Core;
using Ferry.Data.Workflow;
using Ferry.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ferry.Server.Features.Mappings;

static class MappingsApi
{
    public static void MapMappings(this IEndpointRouteBuilder routes)
    {
        var jobs = routes.MapGroup("/jobs/{jobId:guid}/mappings").WithTags("Mappings").RequireAuthorization(FerryServerExtensions.MigrationPolicy);
        jobs.MapGet("/", ListMappings).WithName(nameof(ListMappings));
        jobs.MapPost("/", CreateMapping).WithName(nameof(CreateMapping));
        jobs.MapPost("/auto", AutoMap).WithName(nameof(AutoMap));
        var mappings = routes.MapGroup("/mappings").WithTags("Mappings").RequireAuthorization(FerryServerExtensions.MigrationPolicy);
        mappings.MapPut("/{mappingId:guid}", UpdateMapping).WithName(nameof(UpdateMapping));
        mappings.MapDelete("/{mappingId:guid}", DeleteMapping).WithName(nameof(DeleteMapping));
    }

    static async Task<Ok<MappingListResponse>> ListMappings(Guid jobId, JobWorkflow workflow, CancellationToken cancellationToken)
    {
        var job = await workflow.FindAsync(jobId, cancellationToken);
        var mappings = await workflow.MappingsAsync(jobId, cancellationToken);
        var schema = job.DataTypes.Count == 1 && !JobWorkflow.IsBooks(job) ? JobWorkflow.SchemaOf(job) : null;
        return TypedResults.Ok(new MappingListResponse(schema?.DataType, [.. mappings.Select(MappingResponse.From)],
            schema is null ? [] : TargetFields.Of(schema.Fields)));
    }

    static async Task<Ok<AutoMappingResponse>> AutoMap(Guid jobId, JobWorkflow workflow, CancellationToken cancellationToken)
    {
        var result = await workflow.AutoMapAsync(jobId, cancellationToken);
        var job = await workflow.FindAsync(jobId, cancellationToken);
        var schema = JobWorkflow.IsBooks(job) ? null : JobWorkflow.SchemaOf(job);
        return TypedResults.Ok(new AutoMappingResponse(schema?.DataType, [.. result.Mappings.Select(MappingResponse.From)],
            result.UnmappedColumns, result.MissingRequiredFields, schema is null ? [] : TargetFields.Of(schema.Fields)));
    }

    static async Task<Created<MappingResponse>> CreateMapping(Guid jobId, MappingRequest request, JobWorkflow workflow, CancellationToken cancellationToken)
    {
        var mapping = await workflow.AddMappingAsync(jobId, Spec(request), cancellationToken);
        return TypedResults.Created($"/api/v1/migration/mappings/{mapping.Id}", MappingResponse.From(mapping));
    }

    static async Task<Ok<MappingResponse>> UpdateMapping(Guid mappingId, MappingRequest request, JobWorkflow workflow, CancellationToken cancellationToken) =>
        TypedResults.Ok(MappingResponse.From(await workflow.UpdateMappingAsync(mappingId, Spec(request), cancellationToken)));

    static async Task<NoContent> DeleteMapping(Guid mappingId, JobWorkflow workflow, CancellationToken cancellationToken)
    {
        await workflow.DeleteMappingAsync(mappingId, cancellationToken);
        return TypedResults.NoContent();
    }

    static MappingSpec Spec(MappingRequest request) => new(
        request.SourceField,
        string.IsNullOrWhiteSpace(request.TargetField) ? throw new FerryException(ErrorCodes.InvalidRequest, "target_field is required: the ERP field this mapping fills.") { Field = "target_field" } : request.TargetField.Trim(),
        request.FieldType,
        request.IsRequired ?? false,
        request.TransformationRule,
        request.ValidationRule,
        request.DefaultValue);
}
