namespace Ferry.Core.Records;

/// <summary>One row of a source table: its 1-based data row number, where it came from, and its raw cell texts.</summary>
public sealed record SourceRecord(long RowNumber, string Location, string?[] Values);
