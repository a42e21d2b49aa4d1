namespace Ferry.Core.Sources;

/// <summary>The file cannot be read as what it claims to be.</summary>
public sealed class SourceFormatException(string message, Exception? inner = null)
    : FerryException(ErrorCodes.InvalidFileFormat, message, inner);
