namespace Ferry.Cli;

/// <summary>Exit codes of the ferry command.</summary>
static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int InvalidInput = 2;
    public const int CompletedWithErrors = 3;
}
