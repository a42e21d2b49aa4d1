using System.Globalization;
using System.Xml.Linq;
using Ferry.Core.Sources;

namespace Ferry.Sources.Tally;

/// <summary>How Tally writes values inside an object: sentinels, Yes/No, signed amounts, "19 Number", "80.00/Number".</summary>
static class TallyValues
{
    /// <summary>Trimmed text, or null for nothing, <c>&lt;X/&gt;</c> and Tally's sentinels for "no value".</summary>
    public static string? Clean(string? text)
    {
        var trimmed = text?.Trim();
        return trimmed is null or "" or "Not Applicable" or "Any" or "Primary" ? null : trimmed;
    }

    public static string? Text(XElement parent, string name) => Clean(parent.Element(name)?.Value);

    /// <summary>Every element named <paramref name="name"/> that is not an empty shell, judged by its key child.</summary>
    public static IEnumerable<XElement> Lines(XElement parent, string name, string key) =>
        parent.Elements(name).Where(line => Text(line, key) is not null);

    /// <summary>Of dated entries (APPLICABLEFROM), the latest; among equal dates, the last written.</summary>
    public static XElement? Latest(IEnumerable<XElement> entries) =>
        entries.Select((entry, index) => (entry, index))
            .OrderBy(e => e.entry.Element("APPLICABLEFROM")?.Value.Trim() ?? "", StringComparer.Ordinal)
            .ThenBy(e => e.index)
            .Select(e => e.entry)
            .LastOrDefault();

    public static bool? Flag(XElement parent, string name) => Text(parent, name) switch
    {
        "Yes" => true,
        "No" => false,
        _ => null,
    };

    public static string Name(XElement element) =>
        Clean(element.Attribute("NAME")?.Value)
        ?? Text(element, "NAME")
        ?? Clean(element.Element("LANGUAGENAME.LIST")?.Element("NAME.LIST")?.Element("NAME")?.Value)
        ?? "";

    public static decimal? Amount(XElement parent, string name) => Amount(Text(parent, name), parent, name);

    /// <summary>
    /// A signed amount: negative is debit. Forex cells ("-$8500.00 @ ₹ 83/$ = -₹ 705500.00") give the base amount after
    /// "="; a "Dr"/"Cr" suffix overrides the sign.
    /// </summary>
    static decimal? Amount(string? text, XElement parent, string name)
    {
        if (text is null)
        {
            return null;
        }
        var equals = text.LastIndexOf('=');
        var cell = equals >= 0 ? text[(equals + 1)..].Trim() : text;
        int? side = null;
        if (cell.EndsWith("Dr", StringComparison.OrdinalIgnoreCase))
        {
            side = -1;
        }
        else if (cell.EndsWith("Cr", StringComparison.OrdinalIgnoreCase))
        {
            side = 1;
        }
        var digits = new string([.. cell.Where(c => char.IsAsciiDigit(c) || c is '.' or '-')]);
        if (!decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            throw Unreadable(parent, name, text, "an amount");
        }
        return side is { } sign ? sign * Math.Abs(amount) : amount;
    }

    public static DateOnly? Date(XElement parent, string name)
    {
        var text = Text(parent, name);
        if (text is null)
        {
            return null;
        }
        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Unreadable(parent, name, text, "a date (yyyyMMdd)");
    }

    /// <summary>" 19 Number" or "5.00 STRP": a leading number, then the unit, which may hold dots and spaces.</summary>
    public static TallyQuantity? Quantity(XElement parent, string name)
    {
        var text = Text(parent, name);
        if (text is null)
        {
            return null;
        }
        var end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or '-' or ','))
        {
            end++;
        }
        var number = text[..end].Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw Unreadable(parent, name, text, "a quantity");
        }
        var unit = text[end..].Trim();
        return new TallyQuantity(value, unit.Length == 0 ? null : unit);
    }

    /// <summary>"80.00/Number": the price before the slash, the unit after it.</summary>
    public static TallyRate? Rate(XElement parent, string name)
    {
        var text = Text(parent, name);
        if (text is null)
        {
            return null;
        }
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var price = (slash >= 0 ? text[..slash] : text).Trim();
        var digits = new string([.. price.Where(c => char.IsAsciiDigit(c) || c is '.' or '-')]);
        if (!decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw Unreadable(parent, name, text, "a rate");
        }
        var unit = slash >= 0 ? text[(slash + 1)..].Trim() : "";
        return new TallyRate(value, unit.Length == 0 ? null : unit);
    }

    public static decimal? Number(XElement parent, string name)
    {
        var text = Text(parent, name);
        return text is not null && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    static SourceFormatException Unreadable(XElement parent, string name, string text, string what)
    {
        var owner = parent.AncestorsAndSelf().Last();
        return new SourceFormatException(
            $"{owner.Name.LocalName} \"{Name(owner)}\": <{name}> holds \"{text}\", which is not {what}.");
    }
}
