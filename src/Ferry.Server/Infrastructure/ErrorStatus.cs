using Ferry.Core;

namespace Ferry.Server.Infrastructure;

static class ErrorStatus
{
    public static int For(string errorCode) => errorCode switch
    {
        ErrorCodes.FileTooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCodes.DatabaseError => StatusCodes.Status503ServiceUnavailable,
        ErrorCodes.InsufficientPermissions => StatusCodes.Status403Forbidden,
        ErrorCodes.RollbackExpired or ErrorCodes.ConcurrentMigration or ErrorCodes.InvalidJobState => StatusCodes.Status409Conflict,
        ErrorCodes.TemplateNotFound or ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.InvalidRequest => StatusCodes.Status400BadRequest,
        ErrorCodes.IntegrationTimeout => StatusCodes.Status504GatewayTimeout,
        ErrorCodes.IntegrationUnavailable or ErrorCodes.IntegrationNetworkError or ErrorCodes.IntegrationInvalidResponse or ErrorCodes.IntegrationFailed
            or ErrorCodes.IntegrationAuthenticationFailed or ErrorCodes.IntegrationPermissionDenied => StatusCodes.Status502BadGateway,
        ErrorCodes.IntegrationRateLimited => StatusCodes.Status429TooManyRequests,
        ErrorCodes.IntegrationSyncConflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public static string Title(string errorCode) => errorCode switch
    {
        ErrorCodes.InvalidFileFormat => "Invalid file format",
        ErrorCodes.FileTooLarge => "File size exceeds limit",
        ErrorCodes.RequiredFieldsMissing => "Required fields missing",
        ErrorCodes.ValidationFailed => "Data validation failed",
        ErrorCodes.DatabaseError => "Database connection error",
        ErrorCodes.InsufficientPermissions => "Insufficient permissions",
        ErrorCodes.RollbackExpired => "Rollback timeout expired",
        ErrorCodes.ConcurrentMigration => "Concurrent migration detected",
        ErrorCodes.TemplateNotFound => "Template not found",
        ErrorCodes.MappingInvalid => "Mapping configuration invalid",
        ErrorCodes.InvalidJobState => "Operation not allowed in the job's status",
        ErrorCodes.InvalidRequest => "Invalid request",
        ErrorCodes.NotFound => "Not found",
        ErrorCodes.IntegrationTimeout => "Connection timeout",
        ErrorCodes.IntegrationAuthenticationFailed => "Authentication failed",
        ErrorCodes.IntegrationRateLimited => "API rate limit exceeded",
        ErrorCodes.IntegrationInvalidConfiguration => "Invalid configuration",
        ErrorCodes.IntegrationUnavailable => "External service unavailable",
        ErrorCodes.IntegrationSyncConflict => "Data sync conflict",
        ErrorCodes.IntegrationPermissionDenied => "Permission denied",
        ErrorCodes.IntegrationInvalidResponse => "Invalid response format",
        ErrorCodes.IntegrationNetworkError => "Network connectivity error",
        ErrorCodes.IntegrationFailed => "Integration error",
        _ => "Error",
    };
}
