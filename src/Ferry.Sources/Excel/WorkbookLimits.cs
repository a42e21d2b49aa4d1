namespace Ferry.Sources.Excel;

/// <summary>
/// How much an .xlsx may hold once decompressed before <see cref="ExcelWorkbook.EnsureSafe"/> refuses it. Every
/// figure is counted on the bytes the decompressor actually produces, never on sizes the archive declares.
/// </summary>
public sealed class WorkbookLimits
{
    public static WorkbookLimits Default { get; } = new();

    /// <summary>All parts together, decompressed. A 100 MB workbook of plain rows inflates to about 1 GB.</summary>
    public long MaxUncompressedBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Decompressed bytes per compressed byte that one part may reach once it is past <see cref="RatioCheckedAboveBytes"/>.</summary>
    public int MaxExpansionRatio { get; init; } = 200;

    /// <summary>Small parts (styles, an empty sheet) compress far better than 200× and are harmless, so the ratio only counts above this.</summary>
    public long RatioCheckedAboveBytes { get; init; } = 1024 * 1024;

    /// <summary>Parts in the package. Excel writes a handful per sheet; ten thousand means something else is going on.</summary>
    public int MaxEntries { get; init; } = 10_000;
}
