namespace Ferry.Core;

/// <summary>
/// An error a user can act on. <see cref="ErrorCode"/> is one of the spec's codes (MIG001…MIG011, INT001…INT010);
/// the message says what to fix.
/// </summary>
public class FerryException(string errorCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public string ErrorCode { get; } = errorCode;

    /// <summary>Where in the source the problem was found, when it came from a file.</summary>
    public string? SourceLocation { get; init; }

    public string? Field { get; init; }
}
