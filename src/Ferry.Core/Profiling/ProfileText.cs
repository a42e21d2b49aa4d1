namespace Ferry.Core.Profiling;

/// <summary>
/// Values as a profile or a preview shows them: long text cut to its start, so what is kept of a file is bounded by
/// its columns rather than by the longest cell, which a workbook's shared strings can repeat in every column.
/// </summary>
public static class ProfileText
{
    /// <summary>Characters of a value that are shown; enough for any name, code, address or amount.</summary>
    public const int MaxLength = 200;

    public static string Shorten(string value) => value.Length <= MaxLength ? value : string.Concat(value.AsSpan(0, MaxLength), "…");
}
