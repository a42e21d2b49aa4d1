using System.Buffers;
using System.Globalization;

namespace Ferry.Core.Values;

/// <summary>
/// Excel's 1900 date system: serial 1 is 1900-01-01, the fraction is the time of day. Excel counts a 29 February
/// 1900 that never was, so serial 60 is no date and every serial after it is one day ahead of a plain count.
/// </summary>
internal static class ExcelSerial
{
    public const int Largest = 2958465;
    const int NonexistentLeapDay = 60;
    static readonly SearchValues<char> SerialCharacters = SearchValues.Create("0123456789.");
    static readonly DateTime DayBeforeFirst = new(1899, 12, 31);
    static readonly DateTime DayBeforeFirstAfterLeapDay = new(1899, 12, 30);

    public static bool TryRead(ReadOnlySpan<char> text, out DateTime value, out bool hasTime)
    {
        value = default;
        hasTime = false;
        var s = text.Trim();
        if (s.IsEmpty || !char.IsAsciiDigit(s[0]) || s.ContainsAnyExcept(SerialCharacters)
            || !decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial))
        {
            return false;
        }
        var day = decimal.Truncate(serial);
        if (day is < 1 or > Largest || day == NonexistentLeapDay)
        {
            return false;
        }
        var date = (day < NonexistentLeapDay ? DayBeforeFirst : DayBeforeFirstAfterLeapDay).AddDays((double)day);
        var milliseconds = (long)decimal.Round((serial - day) * (decimal)TimeSpan.MillisecondsPerDay);
        if (milliseconds == 0)
        {
            value = date;
            return true;
        }
        if (DateTime.MaxValue.Ticks - date.Ticks < milliseconds * TimeSpan.TicksPerMillisecond)
        {
            return false;
        }
        value = date.AddTicks(milliseconds * TimeSpan.TicksPerMillisecond);
        hasTime = true;
        return true;
    }

    public static int Of(DateOnly date) =>
        date.DayNumber - DateOnly.FromDateTime(date < new DateOnly(1900, 3, 1) ? DayBeforeFirst : DayBeforeFirstAfterLeapDay).DayNumber;
}
