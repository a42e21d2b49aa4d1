using Ferry.Server.Features.Jobs;
using Ferry.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ferry.Server.Features.Integrations;

static class TallyIntegrationApi
{
    /// <summary>The longest name DNS allows.</summary>
    public const int MaxHostLength = 253;

    /// <summary>Far longer than any company name Tally holds.</summary>
    public const int MaxCompanyLength = 200;

    public static void MapTallyIntegration(this IEndpointRouteBuilder api)
    {
        var settings = api.MapGroup("/integration-settings/tally").WithTags("Integrations").RequireAuthorization(FerryServerExtensions.MigrationPolicy);
        settings.MapGet("/", GetSettings).WithName(nameof(GetSettings));
        settings.MapPut("/", SaveSettings).WithName(nameof(SaveSettings));
        settings.MapPost("/test", TestConnection).WithName(nameof(TestConnection));
        api.MapPost("/migration/jobs/{jobId:guid}/tally/sync", Sync).WithTags("Integrations").RequireAuthorization(FerryServerExtensions.MigrationPolicy).WithName(nameof(Sync));
    }

    static async Task<Ok<TallySettingsResponse>> GetSettings(TallyConnector tally, CancellationToken cancellationToken) =>
        TypedResults.Ok(TallySettingsResponse.From(await tally.SettingsAsync(cancellationToken)));

    static async Task<Ok<TallySettingsResponse>> SaveSettings(TallySettingsRequest request, TallyConnector tally, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(TallySettingsResponse.From(await tally.SaveAsync(http.User.OrganizationId(), http.User.UserId(), request, cancellationToken)));

    static async Task<Ok<TallyConnectionResponse>> TestConnection(TallyConnector tally, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tally.TestAsync(cancellationToken));

    static async Task<Ok<JobResponse>> Sync(Guid jobId, TallySyncRequest request, TallyConnector tally, CancellationToken cancellationToken) =>
        TypedResults.Ok(JobResponse.From((await tally.SyncAsync(jobId, request, cancellationToken)).Job));
}
