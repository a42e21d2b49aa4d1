namespace Ferry.Sources.Excel;

/// <summary>Reads A1-style cell references ("AB12") into 0-based row and column numbers.</summary>
static class CellReference
{
    /// <summary>Excel's last column, XFD.</summary>
    public const int MaxColumns = 16_384;

    /// <summary>The 0-based column of a reference such as "AB12", or null when it has none.</summary>
    public static int? Column(ReadOnlySpan<char> reference)
    {
        var column = 0;
        var letters = 0;
        for (; letters < reference.Length && letters < 3 && char.IsAsciiLetter(reference[letters]); letters++)
        {
            column = column * 26 + (char.ToUpperInvariant(reference[letters]) - 'A' + 1);
        }
        return letters == 0 ? null : column - 1;
    }

    public static bool TryParse(ReadOnlySpan<char> reference, out int row, out int column)
    {
        row = 0;
        column = Column(reference) ?? -1;
        var digits = reference.TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
        if (column < 0 || digits.IsEmpty || reference.Length - digits.Length > 3
            || !int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out row) || row < 1)
        {
            return false;
        }
        row--;
        return true;
    }

    /// <summary>A range such as "A1:D2", or a single cell "B3"; null when it cannot be read.</summary>
    public static MergedRange? Range(ReadOnlySpan<char> range)
    {
        var colon = range.IndexOf(':');
        var from = colon < 0 ? range : range[..colon];
        var to = colon < 0 ? range : range[(colon + 1)..];
        return TryParse(from, out var fromRow, out var fromColumn) && TryParse(to, out var toRow, out var toColumn)
            ? new MergedRange(fromRow, fromColumn, toRow, toColumn)
            : null;
    }
}
