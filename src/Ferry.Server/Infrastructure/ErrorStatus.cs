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
        ErrorCodes.TemplateNotFound => StatusCodes.Status404NotFound,
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
        _ => "Error",
    };
}
