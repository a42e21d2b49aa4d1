using System.Globalization;
using Ferry.Core;
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

    static async Task<Results<Ok<TallySettingsResponse>, ValidationProblem>> SaveSettings(TallySettingsRequest request, TallyConnector tally, HttpContext http, CancellationToken cancellationToken)
    {
        if ((TooLong("host", "The Tally host", request.Host, MaxHostLength) ?? TooLong("company", "The Tally company name", request.Company, MaxCompanyLength)) is { } problem)
        {
            return problem;
        }
        return TypedResults.Ok(TallySettingsResponse.From(await tally.SaveAsync(http.User.OrganizationId(), http.User.UserId(), request, cancellationToken)));
    }

    static async Task<Ok<TallyConnectionResponse>> TestConnection(TallyConnector tally, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tally.TestAsync(cancellationToken));

    static async Task<Results<Ok<JobResponse>, ValidationProblem>> Sync(Guid jobId, TallySyncRequest request, TallyConnector tally, CancellationToken cancellationToken)
    {
        if (TooLong("company", "The Tally company name", request.Company, MaxCompanyLength) is { } problem)
        {
            return problem;
        }
        return TypedResults.Ok(JobResponse.From((await tally.SyncAsync(jobId, request, cancellationToken)).Job));
    }

    static ValidationProblem? TooLong(string field, string what, string? value, int max)
    {
        if (value is null || value.Length <= max)
        {
            return null;
        }
        var message = string.Create(CultureInfo.InvariantCulture, $"{what} is {value.Length:N0} characters long; at most {max} are allowed.");
        return TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: message,
            title: ErrorStatus.Title(ErrorCodes.IntegrationInvalidConfiguration),
            extensions: new Dictionary<string, object?> { ["error_code"] = ErrorCodes.IntegrationInvalidConfiguration, ["field"] = field });
    }
}
