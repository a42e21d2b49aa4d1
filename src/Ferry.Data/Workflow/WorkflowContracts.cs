using Ferry.Core.Jobs;
using Ferry.Core.Mapping;
using Ferry.Core.Profiling;
using Ferry.Core.Sources;
using Ferry.Erp.Books;

namespace Ferry.Data.Workflow;

public sealed record NewJob(
    string Name,
    string? Description,
    SourceType SourceType,
    IReadOnlyList<string> DataTypes,
    ConflictStrategy ConflictStrategy,
    int? BatchSize = null,
    BookOptions? Options = null);

/// <param name="SourceTable">The sheet or table of the uploaded file to import.</param>
/// <param name="HeaderRow">The 1-based row holding the column names, when the detected one is wrong.</param>
public sealed record JobChanges(
    string? Name,
    string? Description,
    IReadOnlyList<string>? DataTypes,
    ConflictStrategy? ConflictStrategy,
    int? BatchSize,
    string? SourceTable = null,
    int? HeaderRow = null,
    string? AdjustmentLedger = null,
    bool? CreateMissingMasters = null,
    string? Encoding = null);

/// <summary>What an upload found, kept on the job, and which of its tables the job imports.</summary>
public sealed record FileProfile(
    string Format,
    string Encoding,
    string? Delimiter,
    string? LineEnding,
    IReadOnlyList<TableInspection> Tables,
    string Table)
{
    /// <summary>The encoding the user chose for delimited text, instead of the detected one.</summary>
    public string? ChosenEncoding { get; init; }

    /// <summary>For delimited text: "double", "single" or "none", the quotes that wrap fields.</summary>
    public string? Quote { get; init; }

    /// <summary>For a file that holds whole books (a Tally export): what is in it.</summary>
    public BookSummary? Books { get; init; }

    /// <summary>The table the job imports.</summary>
    public TableInspection Selected => Tables.FirstOrDefault(t => t.Name == Table) ?? Tables[0];

    /// <summary>What the import opens: the selected table, with the header row found at upload.</summary>
    public TableChoice Choice => new(Selected.Name, Selected.HeaderRow > 0 ? Selected.HeaderRow : null, ChosenEncoding);

    /// <summary>How each column of the selected table writes numbers and dates, for the mapper.</summary>
    public IReadOnlyDictionary<string, ColumnReading> Readings =>
        Selected.ColumnProfiles.ToDictionary(c => c.Name, ColumnReading.From, StringComparer.Ordinal);

    public static FileProfile Of(FileInspection inspection, string table) =>
        new(inspection.Format, inspection.Encoding, inspection.Delimiter, inspection.LineEnding, inspection.Tables, table) { Quote = inspection.Quote };
}

/// <summary>What a whole-books file holds: the company, distinct objects per entity, vouchers per type, opening balances.</summary>
public sealed record BookSummary(
    string? Company,
    long Entries,
    IReadOnlyDictionary<string, long> Entities,
    IReadOnlyDictionary<string, VoucherTypeTotal> VouchersByType,
    IReadOnlyDictionary<string, long> SkippedVouchers,
    long UnbalancedVouchers,
    DateOnly? PeriodFrom,
    DateOnly? PeriodTo,
    OpeningBalances Openings)
{
    public static BookSummary Of(IBook book) => new(book.Company, book.Count, book.Totals.Entities, book.Totals.VoucherTypes,
        book.Totals.SkippedVouchers, book.Totals.UnbalancedVouchers, book.Totals.FirstVoucherDate, book.Totals.LastVoucherDate, book.Totals.Openings);
}

public sealed record MappingSpec(
    string? SourceField,
    string TargetField,
    string? FieldType,
    bool IsRequired,
    string? TransformationRule,
    string? ValidationRule,
    string? DefaultValue);

public sealed record AutoMappingResult(
    IReadOnlyList<JobFieldMapping> Mappings,
    IReadOnlyList<string> UnmappedColumns,
    IReadOnlyList<string> MissingRequiredFields,
    IReadOnlyList<MappingSuggestion> Suggestions);
