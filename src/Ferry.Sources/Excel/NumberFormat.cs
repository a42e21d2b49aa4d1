namespace Ferry.Sources.Excel;

/// <summary>
/// A cell's number format code and what it makes of the number in the cell: a plain number, a date (a serial day
/// count) or an elapsed time ("[h]:mm:ss"), told apart the way ExcelDataReader tells them.
/// </summary>
sealed record NumberFormat(string Code, NumberFormatKind Kind)
{
    public static NumberFormat General { get; } = new("General", NumberFormatKind.Number);

    /// <summary>Excel's built-in formats, which styles.xml refers to by number without spelling them out.</summary>
    static readonly Dictionary<int, NumberFormat> Builtin = new Dictionary<int, string>
    {
        [0] = "General",
        [1] = "0",
        [2] = "0.00",
        [3] = "#,##0",
        [4] = "#,##0.00",
        [5] = "\"$\"#,##0_);(\"$\"#,##0)",
        [6] = "\"$\"#,##0_);[Red](\"$\"#,##0)",
        [7] = "\"$\"#,##0.00_);(\"$\"#,##0.00)",
        [8] = "\"$\"#,##0.00_);[Red](\"$\"#,##0.00)",
        [9] = "0%",
        [10] = "0.00%",
        [11] = "0.00E+00",
        [12] = "# ?/?",
        [13] = "# ??/??",
        [14] = "d/m/yyyy",
        [15] = "d-mmm-yy",
        [16] = "d-mmm",
        [17] = "mmm-yy",
        [18] = "h:mm AM/PM",
        [19] = "h:mm:ss AM/PM",
        [20] = "h:mm",
        [21] = "h:mm:ss",
        [22] = "m/d/yy h:mm",
        [37] = "#,##0_);(#,##0)",
        [38] = "#,##0_);[Red](#,##0)",
        [39] = "#,##0.00_);(#,##0.00)",
        [40] = "#,##0.00_);[Red](#,##0.00)",
        [41] = "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)",
        [42] = "_(\"$\"* #,##0_);_(\"$\"* (#,##0);_(\"$\"* \"-\"_);_(@_)",
        [43] = "_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)",
        [44] = "_(\"$\"* #,##0.00_);_(\"$\"* (#,##0.00);_(\"$\"* \"-\"??_);_(@_)",
        [45] = "mm:ss",
        [46] = "[h]:mm:ss",
        [47] = "mm:ss.0",
        [48] = "##0.0E+0",
        [49] = "@",
    }.ToDictionary(p => p.Key, p => Of(p.Value));

    public static NumberFormat? OfBuiltin(int id) => Builtin.GetValueOrDefault(id);

    public static NumberFormat Of(string code) => new(code, KindOf(code));

    /// <summary>
    /// A format is a date when one of its sections shows a date or time part (y, m, d, h, s, am/pm) outside quotes,
    /// escapes and brackets, and an elapsed time when a bracketed [h], [m] or [s] is among them. A section that also
    /// shows General or text (@), or a character no format allows, makes the whole code no date at all.
    /// </summary>
    static NumberFormatKind KindOf(string code)
    {
        bool date = false, duration = false;
        foreach (var section in Sections(code))
        {
            switch (SectionKind(section))
            {
                case null:
                    return NumberFormatKind.Number;
                case NumberFormatKind.Date:
                    date = true;
                    break;
                case NumberFormatKind.Duration:
                    duration = true;
                    break;
            }
        }
        return date ? NumberFormatKind.Date : duration ? NumberFormatKind.Duration : NumberFormatKind.Number;
    }

    static IEnumerable<string> Sections(string code)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\\' or '_' or '*')
            {
                i++;
            }
            else if (!quoted && c == ';')
            {
                yield return code[start..i];
                start = i + 1;
            }
        }
        yield return code[start..];
    }

    /// <returns>The section's kind, or null when the section cannot be read.</returns>
    static NumberFormatKind? SectionKind(string section)
    {
        bool date = false, duration = false, general = false, text = false;
        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            var rest = section.AsSpan(i);
            if (c is '\\' or '_' or '*')
            {
                i++;
            }
            else if (c == '"')
            {
                var end = section.IndexOf('"', i + 1);
                if (end < 0)
                {
                    return null;
                }
                i = end;
            }
            else if (c == '[')
            {
                var end = section.IndexOf(']', i + 1);
                if (end < 0)
                {
                    return null;
                }
                var inside = section.AsSpan(i + 1, end - i - 1);
                if (!inside.IsEmpty && !inside.ContainsAnyExcept(inside[0]) && char.ToLowerInvariant(inside[0]) is 'h' or 'm' or 's')
                {
                    date = duration = true;
                }
                i = end;
            }
            else if (rest.StartsWith("General", StringComparison.OrdinalIgnoreCase))
            {
                general = true;
                i += "General".Length - 1;
            }
            else if (rest.StartsWith("am/pm", StringComparison.OrdinalIgnoreCase))
            {
                date = true;
                i += "am/pm".Length - 1;
            }
            else if (rest.StartsWith("a/p", StringComparison.OrdinalIgnoreCase))
            {
                date = true;
                i += "a/p".Length - 1;
            }
            else if (rest.StartsWith("e+", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("e-", StringComparison.OrdinalIgnoreCase))
            {
                i++;
            }
            else if (char.ToLowerInvariant(c) is 'y' or 'm' or 'd' or 'h' or 's' or 'g')
            {
                date = true;
            }
            else if (c == '@')
            {
                text = true;
            }
            else if (!"#?,!&%+-$€£0123456789{}():/. ".Contains(c, StringComparison.Ordinal))
            {
                return null;
            }
        }
        if ((date ? 1 : 0) + (general ? 1 : 0) + (text ? 1 : 0) > 1)
        {
            return null;
        }
        return duration ? NumberFormatKind.Duration : date ? NumberFormatKind.Date : NumberFormatKind.Number;
    }
}

enum NumberFormatKind
{
    Number,
    Date,
    Duration,
}
