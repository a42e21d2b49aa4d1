using Ferry.Sources.Csv;

namespace Ferry.Sources;

/// <summary>
/// How much of one upload Ferry reads as tables. A file past either limit is refused with MIG001, before the work
/// it would cost is done: a few stray cells far out or keys that hold data could otherwise make a tiny file cost
/// minutes and gigabytes.
/// </summary>
public sealed class SourceOptions
{
    public const string SectionName = "Sources";

    /// <summary>Columns in one table (a sheet, a CSV, an array of JSON records), counted up to its last non-blank column.</summary>
    public int MaxColumns { get; set; } = 1000;

    /// <summary>
    /// Tables in one file: the sheets of a workbook, empty ones included, or the arrays of records in a JSON file,
    /// nested and empty ones included.
    /// </summary>
    public int MaxTables { get; set; } = 100;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxColumns, 1, $"{SectionName}:{nameof(MaxColumns)}");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxColumns, CsvRowSource.MaxRecordChars, $"{SectionName}:{nameof(MaxColumns)}");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTables, 1, $"{SectionName}:{nameof(MaxTables)}");
    }
}
