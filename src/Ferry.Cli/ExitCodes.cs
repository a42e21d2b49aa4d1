using Ferry.Core;

namespace Ferry.Cli;

/// <summary>Exit codes of the ferry command.</summary>
static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int InvalidInput = 2;
    public const int CompletedWithErrors = 3;

    /// <summary>Errors the user can act on: printed as one line on stderr, exit code 2.</summary>
    public static bool IsUserError(Exception error) => error is FerryException or ArgumentException;

    public static int Report(Exception error)
    {
        Console.Error.WriteLine(error is FerryException ferry ? $"ferry: {ferry.ErrorCode}: {ferry.Message}" : $"ferry: {error.Message}");
        return InvalidInput;
    }
}
