using Ferry.Core.Profiling;

namespace Ferry.Core.Sources;

/// <summary>What Ferry found in a file: its format, how to read it and the tables it holds.</summary>
public sealed record FileInspection(
    string Format,
    string Encoding,
    string? Delimiter,
    string? LineEnding,
    IReadOnlyList<TableInspection> Tables,
    string? Quote = null);

/// <summary>One table of a file (a sheet, the rows of a CSV, an array of JSON records) as Ferry will read it.</summary>
/// <param name="Parent">For child records (the lines of a JSON invoice), the table of their parents.</param>
/// <param name="HeaderRow">1-based physical row of the header (its last row when the header has two); 0 when the format has none.</param>
/// <param name="TotalRows">Rows recognised as totals ("Total", "Grand Total") and left out of the data.</param>
public sealed record TableInspection(
    string Name,
    string? Parent,
    int HeaderRow,
    IReadOnlyList<string> Columns,
    long RowCount,
    long TotalRows,
    IReadOnlyList<IReadOnlyDictionary<string, string?>> Preview,
    IReadOnlyList<ColumnProfile> ColumnProfiles)
{
    public IReadOnlyList<DataTypeSuggestion> SuggestedDataTypes { get; init; } = [];
}

/// <summary>An ERP data type the table looks like, with how sure Ferry is (0–1).</summary>
public sealed record DataTypeSuggestion(string DataType, double Confidence, int MatchedFields);

/// <summary>Which table of a file to read, and where its header is when the detected row is wrong.</summary>
/// <param name="Encoding">The text encoding the user chose for delimited text, instead of the detected one.</param>
public sealed record TableChoice(string? Table = null, int? HeaderRow = null, string? Encoding = null);
