namespace Ferry.Core.Sources;

/// <summary>What Ferry found in a file: its format, how to read it and what it holds.</summary>
public sealed record FileInspection(
    string Format,
    string Encoding,
    string? Delimiter,
    IReadOnlyList<string> Columns,
    long RowCount,
    IReadOnlyList<IReadOnlyDictionary<string, string?>> Preview,
    IReadOnlyList<ColumnProfile> ColumnProfiles);

public sealed record ColumnProfile(string Name, double FillRate, IReadOnlyList<string> SampleValues);
