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
}
