namespace Ferry.Core;

public static class ErrorCodes
{
    public const string InvalidFileFormat = "MIG001";
    public const string FileTooLarge = "MIG002";
    public const string RequiredFieldsMissing = "MIG003";
    public const string ValidationFailed = "MIG004";
    public const string DatabaseError = "MIG005";
    public const string InsufficientPermissions = "MIG006";
    public const string RollbackExpired = "MIG007";
    public const string ConcurrentMigration = "MIG008";
    public const string TemplateNotFound = "MIG009";
    public const string MappingInvalid = "MIG010";
    public const string InvalidJobState = "MIG011";
    public const string InvalidRequest = "MIG012";
    public const string NotFound = "MIG013";
    public const string IntegrationTimeout = "INT001";
    public const string IntegrationAuthenticationFailed = "INT002";
    public const string IntegrationRateLimited = "INT003";
    public const string IntegrationInvalidConfiguration = "INT004";
    public const string IntegrationUnavailable = "INT005";
    public const string IntegrationSyncConflict = "INT006";
    public const string IntegrationPermissionDenied = "INT007";
    public const string IntegrationInvalidResponse = "INT008";
    public const string IntegrationNetworkError = "INT009";
    public const string IntegrationFailed = "INT010";
}
