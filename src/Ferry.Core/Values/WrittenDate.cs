namespace Ferry.Core.Values;

/// <summary>A date or date-time read from text, with the .NET pattern it was written in ("dd-MM-yyyy", "d-MMM-yy").</summary>
/// <param name="Value">The date and clock time as written; an offset, when written, is carried apart and not applied.</param>
internal readonly record struct WrittenDate(DateTime Value, TimeSpan? Offset, bool HasTime, string Pattern)
{
    static readonly string[] MonthNames =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    static readonly TimeSpan LargestOffset = TimeSpan.FromHours(14);

    public static bool TryRead(ReadOnlySpan<char> text, DateOrder order, out WrittenDate date)
    {
        date = default;
        var s = text.Trim();
        var i = 0;
        if (!TryReadDay(s, ref i, order, out var day, out var dayPattern))
        {
            return false;
        }
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        if (i == s.Length)
        {
            date = new WrittenDate(midnight, null, false, dayPattern);
            return true;
        }
        if (!TryReadTime(s, ref i, out var time, out var offset, out var timePattern) || i != s.Length)
        {
            return false;
        }
        var value = midnight + time;
        if (offset is { } o && (value.Ticks - o.Ticks < 0 || value.Ticks - o.Ticks > DateTime.MaxValue.Ticks))
        {
            return false;
        }
        date = new WrittenDate(value, offset, true, dayPattern + timePattern);
        return true;
    }

    static bool TryReadDay(ReadOnlySpan<char> s, ref int i, DateOrder order, out DateOnly day, out string pattern)
    {
        day = default;
        pattern = "";
        if (s.IsEmpty)
        {
            return false;
        }
        if (char.IsAsciiLetter(s[0]))
        {
            return TryReadMonthNameFirst(s, ref i, out day, out pattern);
        }

        var first = ReadNumber(s, ref i, out var firstValue);
        if (first == 8 && (i == s.Length || s[i] is ' ' or 'T'))
        {
            pattern = "yyyyMMdd";
            return TryMake(firstValue / 10000, firstValue / 100 % 100, firstValue % 100, out day);
        }
        if (first is not (1 or 2 or 4) || i >= s.Length || s[i] is not ('-' or '/' or '.' or ' '))
        {
            return false;
        }
        var separator = Separator(s[i++]);
        if (first != 4 && i < s.Length && char.IsAsciiLetter(s[i]))
        {
            if (!TryReadMonthName(s, ref i, out var namedMonth, out var monthPattern) || !Expect(s, ref i, separator[0]))
            {
                return false;
            }
            var yearDigits = ReadNumber(s, ref i, out var writtenYear);
            if (yearDigits is not (2 or 4))
            {
                return false;
            }
            pattern = string.Concat(Width('d', first), separator, monthPattern, separator, yearDigits == 4 ? "yyyy" : "yy");
            return TryMake(yearDigits == 4 ? writtenYear : TwoDigitYear(writtenYear), namedMonth, firstValue, out day);
        }

        if (separator == " ")
        {
            return false;
        }
        var second = ReadNumber(s, ref i, out var secondValue);
        if (second is not (1 or 2) || !Expect(s, ref i, separator[0]))
        {
            return false;
        }
        var third = ReadNumber(s, ref i, out var thirdValue);
        if (first == 4)
        {
            pattern = string.Concat("yyyy", separator, Width('M', second), separator, Width('d', third));
            return third is 1 or 2 && TryMake(firstValue, secondValue, thirdValue, out day);
        }
        if (order == DateOrder.YearFirst && third is 1 or 2)
        {
            pattern = string.Concat("yy", separator, Width('M', second), separator, Width('d', third));
            return TryMake(TwoDigitYear(firstValue), secondValue, thirdValue, out day);
        }
        if (third is not (2 or 4))
        {
            return false;
        }
        var year = third == 4 ? thirdValue : TwoDigitYear(thirdValue);
        var yearPattern = third == 4 ? "yyyy" : "yy";
        if (order == DateOrder.MonthFirst)
        {
            pattern = string.Concat(Width('M', first), separator, Width('d', second), separator, yearPattern);
            return TryMake(year, firstValue, secondValue, out day);
        }
        pattern = string.Concat(Width('d', first), separator, Width('M', second), separator, yearPattern);
        return TryMake(year, secondValue, firstValue, out day);
    }

    /// <summary>"Mar 31, 2024", "March 31 2024".</summary>
    static bool TryReadMonthNameFirst(ReadOnlySpan<char> s, ref int i, out DateOnly day, out string pattern)
    {
        day = default;
        pattern = "";
        if (!TryReadMonthName(s, ref i, out var month, out var monthPattern) || !Expect(s, ref i, ' '))
        {
            return false;
        }
        var dayDigits = ReadNumber(s, ref i, out var dayValue);
        var comma = i < s.Length && s[i] == ',';
        if (comma)
        {
            i++;
        }
        if (dayDigits is not (1 or 2) || !Expect(s, ref i, ' ') || ReadNumber(s, ref i, out var year) != 4)
        {
            return false;
        }
        pattern = string.Concat(monthPattern, " ", Width('d', dayDigits), comma ? ", " : " ", "yyyy");
        return TryMake(year, month, dayValue, out day);
    }

    static bool TryReadMonthName(ReadOnlySpan<char> s, ref int i, out int month, out string pattern)
    {
        month = 0;
        pattern = "MMM";
        var start = i;
        while (i < s.Length && char.IsAsciiLetter(s[i]))
        {
            i++;
        }
        var word = s[start..i];
        if (word.Equals("Sept", StringComparison.OrdinalIgnoreCase))
        {
            month = 9;
            return true;
        }
        for (var m = 0; m < MonthNames.Length; m++)
        {
            if (word.Length == 3 && MonthNames[m].AsSpan(0, 3).Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                month = m + 1;
                return true;
            }
            if (MonthNames[m].AsSpan().Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                month = m + 1;
                pattern = "MMMM";
                return true;
            }
        }
        return false;
    }

    /// <summary>"16:40", "16:40:33", "16:40:33.250", "4:40 PM", each optionally followed by "Z" or "+05:30".</summary>
    static bool TryReadTime(ReadOnlySpan<char> s, ref int i, out TimeSpan time, out TimeSpan? offset, out string pattern)
    {
        time = default;
        offset = null;
        pattern = "";
        var lead = s[i] == 'T' ? "T" : " ";
        if (s[i] is not ('T' or ' '))
        {
            return false;
        }
        i++;
        var hourDigits = ReadNumber(s, ref i, out var hour);
        if (hourDigits is not (1 or 2) || !Expect(s, ref i, ':') || ReadNumber(s, ref i, out var minute) != 2)
        {
            return false;
        }
        var second = 0;
        var hasSeconds = false;
        var fractionDigits = 0;
        var fractionTicks = 0L;
        if (i < s.Length && s[i] == ':')
        {
            i++;
            if (ReadNumber(s, ref i, out second) != 2)
            {
                return false;
            }
            hasSeconds = true;
            if (i < s.Length && s[i] == '.')
            {
                i++;
                fractionDigits = ReadNumber(s, ref i, out var fraction);
                if (fractionDigits is < 1 or > 7)
                {
                    return false;
                }
                fractionTicks = fraction * (long)Math.Pow(10, 7 - fractionDigits);
            }
        }

        var afterClock = i;
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }
        var meridiem = i + 2 <= s.Length && (s.Slice(i, 2).Equals("AM", StringComparison.OrdinalIgnoreCase) || s.Slice(i, 2).Equals("PM", StringComparison.OrdinalIgnoreCase));
        if (meridiem)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }
            hour = hour % 12 + (char.ToUpperInvariant(s[i]) == 'P' ? 12 : 0);
            i += 2;
        }
        else
        {
            i = afterClock;
        }
        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var beforeZone = i;
        if (i < s.Length && s[i] == ' ')
        {
            i++;
        }
        var zone = TryReadOffset(s, ref i, out offset);
        if (!zone)
        {
            i = beforeZone;
        }

        time = new TimeSpan(hour, minute, second) + TimeSpan.FromTicks(fractionTicks);
        pattern = string.Concat(
            lead,
            meridiem ? Width('h', hourDigits) : Width('H', hourDigits),
            ":mm",
            hasSeconds ? ":ss" : "",
            fractionDigits > 0 ? "." + new string('f', fractionDigits) : "",
            meridiem ? " tt" : "",
            zone ? (i - beforeZone > 0 && s[beforeZone] == ' ' ? " K" : "K") : "");
        return true;
    }

    static bool TryReadOffset(ReadOnlySpan<char> s, ref int i, out TimeSpan? offset)
    {
        offset = null;
        if (i < s.Length && s[i] == 'Z')
        {
            i++;
            offset = TimeSpan.Zero;
            return true;
        }
        if (i >= s.Length || s[i] is not ('+' or '-'))
        {
            return false;
        }
        var negative = s[i++] == '-';
        if (!TryReadTwoDigits(s, ref i, out var hours))
        {
            return false;
        }
        if (i < s.Length && s[i] == ':')
        {
            i++;
        }
        if (!TryReadTwoDigits(s, ref i, out var minutes) || minutes > 59)
        {
            return false;
        }
        var value = new TimeSpan(hours, minutes, 0);
        if (value > LargestOffset)
        {
            return false;
        }
        offset = negative ? -value : value;
        return true;
    }

    static int ReadNumber(ReadOnlySpan<char> s, ref int i, out int value)
    {
        value = 0;
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            if (i - start < 9)
            {
                value = value * 10 + (s[i] - '0');
            }
            i++;
        }
        return i - start;
    }

    static bool TryReadTwoDigits(ReadOnlySpan<char> s, ref int i, out int value)
    {
        value = 0;
        if (i + 2 > s.Length || !char.IsAsciiDigit(s[i]) || !char.IsAsciiDigit(s[i + 1]))
        {
            return false;
        }
        value = (s[i] - '0') * 10 + (s[i + 1] - '0');
        i += 2;
        return true;
    }

    static bool Expect(ReadOnlySpan<char> s, ref int i, char c)
    {
        if (i < s.Length && s[i] == c)
        {
            i++;
            return true;
        }
        return false;
    }

    static bool TryMake(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>00–49 are this century and 50–99 the last, as .NET's invariant calendar reads two-digit years.</summary>
    static int TwoDigitYear(int year) => year < 50 ? 2000 + year : 1900 + year;

    static string Width(char field, int digits) => (field, digits == 2) switch
    {
        ('d', true) => "dd",
        ('d', false) => "d",
        ('M', true) => "MM",
        ('M', false) => "M",
        ('H', true) => "HH",
        ('H', false) => "H",
        ('h', true) => "hh",
        _ => "h",
    };

    static string Separator(char c) => c switch
    {
        '-' => "-",
        '/' => "/",
        '.' => ".",
        _ => " ",
    };
}
