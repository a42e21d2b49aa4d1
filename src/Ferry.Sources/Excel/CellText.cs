using System.Globalization;

namespace Ferry.Sources.Excel;

/// <summary>
/// Turns a cell's value, as <see cref="XlsxSheetSource"/> or ExcelDataReader (for .xls) hands it over, into the text the rest of Ferry reads. The rules are listed
/// on <see cref="ExcelWorkbook"/>.
/// </summary>
static class CellText
{
    /// <summary>Excel keeps 15 significant digits; anything past them is binary noise (0.1 + 0.2 = 0.30000000000000004).</summary>
    const string ExcelPrecision = "G15";

    static readonly DateTime ExcelDayZero = new(1900, 1, 1);

    /// <param name="numberFormat">The cell's number format code; only numbers look at it.</param>
    public static string? Of(object? value, string? numberFormat) => value switch
    {
        null => null,
        string text => Trimmed(text),
        bool flag => flag ? "true" : "false",
        DateTime date => Date(date),
        DateTimeOffset date => Date(date.DateTime),
        TimeSpan duration => Duration(duration),
        double number => Number(number, numberFormat),
        int number => Number(number, numberFormat),
        _ => Trimmed(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    static string? Trimmed(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    static string Date(DateTime value)
    {
        var seconds = new DateTime((value.Ticks + TimeSpan.TicksPerSecond / 2) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond);
        // A serial number below 1 formatted as a date is a time of day with no date (ExcelDataReader puts it on
        // 1899-12-31); the date part would be noise.
        if (seconds < ExcelDayZero)
        {
            return seconds.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        }
        return seconds.TimeOfDay == TimeSpan.Zero
            ? seconds.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : seconds.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    static string Duration(TimeSpan value)
    {
        var seconds = (long)Math.Round(value.TotalSeconds, MidpointRounding.AwayFromZero);
        var sign = seconds < 0 ? "-" : "";
        seconds = Math.Abs(seconds);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}");
    }

    static string? Number(double value, string? format)
    {
        if (!double.IsFinite(value))
        {
            return null;
        }
        if (ZeroPaddedWidth(format) is { } width && Math.Abs(value) < 1e15)
        {
            var whole = Math.Round(value, MidpointRounding.AwayFromZero);
            var digits = Math.Abs(whole).ToString("F0", CultureInfo.InvariantCulture).PadLeft(width, '0');
            return whole < 0 ? "-" + digits : digits;
        }
        if (value == 0)
        {
            return "0";
        }
        var text = value.ToString(ExcelPrecision, CultureInfo.InvariantCulture);
        if (!text.Contains('E', StringComparison.Ordinal))
        {
            return text;
        }
        // G15 turns to an exponent past 15 integer digits or below 0.00001; write such numbers out in full while
        // decimal can hold them exactly.
        var magnitude = Math.Abs(value);
        if (magnitude < 1e28 && magnitude >= 1e-20)
        {
            return decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }
        return text;
    }

    /// <summary>The digit count of a format such as "000000" (codes and PINs kept with their leading zeros); else null.</summary>
    static int? ZeroPaddedWidth(string? format)
    {
        if (format is null)
        {
            return null;
        }
        var section = format.Split(';')[0];
        return section.Length >= 2 && section.All(c => c == '0') ? section.Length : null;
    }
}
