using Ferry.Core;

namespace Ferry.Sources.Tables;

/// <summary>A table with more columns than <see cref="SourceOptions.MaxColumns"/>: a refusal of the table, not a failure to find one.</summary>
public sealed class TableTooWideException(string message) : FerryException(ErrorCodes.InvalidFileFormat, message);
