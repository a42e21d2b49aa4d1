using Ferry.Core.Values;
using static System.FormattableString;

namespace Ferry.Core.Profiling;

/// <summary>
/// Profiles one column in a single pass, in memory that does not grow with the rows: counts of what each value
/// could be, the first distinct samples, and a distinct count that becomes an estimate past a thousand values.
/// </summary>
public sealed class ColumnProfiler(string name)
{
    const int SampleLimit = 20;

    /// <summary>
    /// How many values of a column are classified; types and patterns are decided on these, while fill rate and the
    /// distinct count go on over every row.
    /// </summary>
    public const int ClassifiedLimit = 50_000;

    /// <summary>The share of values that may fail a type before the column is no longer of that type.</summary>
    const double JunkShare = 0.02;

    /// <summary>The share of values that must match a pattern for the column to carry it.</summary>
    const double PatternShare = 0.8;

    static readonly string[] IdentifierPatterns = ["email", "gstin", "pan", "ifsc", "hsn", "phone", "pin_code"];

    readonly List<string> _samples = [];
    readonly DistinctCounter _distinct = new();
    readonly NumberTally _point = new(NumberFormat.DecimalPoint);
    readonly NumberTally _comma = new(NumberFormat.DecimalComma);
    readonly DateEvidence _dates = new();
    long _nonEmpty;
    long _classified;
    long _booleanWords;
    long _zerosAndOnes;
    string? _firstNonBoolean;
    long _leadingZeros;
    string? _leadingZerosExample;
    long _longDigits;
    string? _longDigitsExample;
    long _emails;
    long _phones;
    long _gstins;
    long _pans;
    long _pinCodes;
    long _ifscs;
    long _hsns;
    long _identifiers;

    /// <summary>Counts one data row's value; null or blank is an empty cell.</summary>
    public void Add(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        _nonEmpty++;
        if (_samples.Count < SampleLimit && !_samples.Contains(value))
        {
            _samples.Add(value);
        }
        _distinct.Add(value);
        if (_classified == ClassifiedLimit)
        {
            return;
        }
        _classified++;

        var isDate = _dates.Add(value);
        var readsWithPoint = _point.Add(value);
        var readsWithComma = _comma.Add(value);
        if (readsWithPoint && !readsWithComma)
        {
            _point.AddProof(value);
        }
        else if (readsWithComma && !readsWithPoint)
        {
            _comma.AddProof(value);
        }
        CountBoolean(value);
        CountIdentifiers(value, isNumber: readsWithPoint || readsWithComma, isDate);
    }

    /// <summary>The profile of a column without a value, which needs no profiler.</summary>
    public static ColumnProfile Empty(string name) => new(name, "empty", 0, 0, [], [], null, []);

    /// <param name="rowCount">The number of data rows in the table, empty cells included.</param>
    public ColumnProfile Build(long rowCount)
    {
        var fillRate = rowCount > 0 ? Math.Round((double)_nonEmpty / rowCount, 4) : 0;
        if (_nonEmpty == 0)
        {
            return Empty(name);
        }
        var decimalComma = _comma.Proofs > _point.Proofs;
        var numbers = decimalComma ? _comma : _point;
        var patterns = Patterns(numbers, decimalComma);
        var notes = new List<string>();
        var (type, dateFormat) = Infer(patterns, numbers, decimalComma, notes);
        return new ColumnProfile(name, type, fillRate, _distinct.Count, [.. _samples.Select(ProfileText.Shorten)], patterns, dateFormat, notes);
    }

    List<string> Patterns(NumberTally numbers, bool decimalComma)
    {
        var patterns = new List<string>();
        foreach (var (pattern, count) in (ReadOnlySpan<(string, long)>)
        [
            ("email", _emails), ("phone", _phones), ("gstin", _gstins), ("pan", _pans), ("pin_code", _pinCodes),
            ("ifsc", _ifscs), ("hsn", _hsns), ("currency_amount", numbers.WithCurrency), ("identifier", _identifiers),
            ("decimal_comma", decimalComma ? numbers.Numbers : 0),
        ])
        {
            if (count > 0 && count >= _classified * PatternShare)
            {
                patterns.Add(pattern);
            }
        }
        return patterns;
    }

    (string Type, string? DateFormat) Infer(List<string> patterns, NumberTally numbers, bool decimalComma, List<string> notes)
    {
        if (_leadingZeros > 0 || _longDigits > 0)
        {
            if (_leadingZeros > 0)
            {
                notes.Add($"Kept as text: '{ProfileText.Shorten(_leadingZerosExample!)}' has leading zeros that a number would drop.");
            }
            if (_longDigits > 0)
            {
                notes.Add($"Kept as text: '{ProfileText.Shorten(_longDigitsExample!)}' has more than 15 digits, more than a spreadsheet number keeps exactly.");
            }
            return ("text", null);
        }
        // SAC codes ("998314") are also PIN-shaped; the narrower shape names the column.
        // Six-digit amounts and quantities are PIN-shaped too: bare numbers count as PIN or HSN codes only when the
        // column's name says so.
        if (IdentifierPatterns.FirstOrDefault(p => patterns.Contains(p)
            && !(p is "pin_code" or "hsn" && numbers.Numbers > 0 && !NameSaysCode(name, p))) is { } identifier)
        {
            if (numbers.Numbers > 0 && identifier is "phone" or "pin_code" or "hsn")
            {
                notes.Add($"Kept as text: the values are {identifier switch { "phone" => "phone numbers", "pin_code" => "PIN codes", _ => "HSN/SAC codes" }}, not quantities.");
            }
            return ("text", null);
        }

        if (_booleanWords > 0 && IsNearlyAll(_booleanWords + _zerosAndOnes))
        {
            AddJunkNote(notes, _booleanWords + _zerosAndOnes, "yes/no values", _firstNonBoolean);
            return ("boolean", null);
        }

        // In a column of dates (its name says so, or a tenth of its values are written dates) a bare number is a
        // date cell that Excel handed over as its serial day number.
        var serialsAreDates = _dates.Serials > 0 && (NameSaysDate(name) || _dates.Dates * 10 >= _classified);
        var dates = _dates.Dates + (serialsAreDates ? _dates.Serials : 0);
        if (dates > 0 && IsNearlyAll(dates))
        {
            var type = _dates.WithTime + (serialsAreDates ? _dates.SerialsWithTime : 0) > 0 ? "datetime" : "date";
            var formats = _dates.Formats(serialsAreDates);
            notes.AddRange(_dates.Notes(formats, serialsAreDates));
            AddJunkNote(notes, dates, "dates", serialsAreDates ? _dates.FirstNeitherDateNorSerial : _dates.FirstNonDate);
            return (type, formats[0].Format);
        }

        if (numbers.Numbers > 0 && IsNearlyAll(numbers.Numbers))
        {
            var type = numbers.Amounts > 0 ? "amount" : numbers.Fractional > 0 ? "decimal" : "integer";
            var other = decimalComma ? _point : _comma;
            if (decimalComma)
            {
                notes.Add($"Numbers are written with a decimal comma, e.g. '{numbers.FirstProof}'.");
            }
            if (other.Proofs > 0)
            {
                var (comma, point) = decimalComma ? (numbers.FirstProof, other.FirstProof) : (other.FirstProof, numbers.FirstProof);
                notes.Add(Invariant($"Numbers disagree on the decimal separator: '{comma}' has a decimal comma but '{point}' a decimal point; read with a decimal {(decimalComma ? "comma" : "point")}, as {numbers.Proofs} of {numbers.Proofs + other.Proofs} such values are."));
            }
            if (!serialsAreDates && _dates.SerialHint(numbers.Numbers) is { } hint)
            {
                notes.Add(hint);
            }
            AddJunkNote(notes, numbers.Numbers, "numbers", numbers.FirstNonNumber);
            return (type, null);
        }
        return ("text", null);
    }

    void CountBoolean(string value)
    {
        var s = value.AsSpan().Trim();
        if (s is "0" or "1")
        {
            _zerosAndOnes++;
        }
        else if (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("false", StringComparison.OrdinalIgnoreCase)
            || s.Equals("yes", StringComparison.OrdinalIgnoreCase) || s.Equals("no", StringComparison.OrdinalIgnoreCase)
            || s.Equals("y", StringComparison.OrdinalIgnoreCase) || s.Equals("n", StringComparison.OrdinalIgnoreCase))
        {
            _booleanWords++;
        }
        else
        {
            _firstNonBoolean ??= value;
        }
    }

    void CountIdentifiers(string value, bool isNumber, bool isDate)
    {
        var leadingZeros = IdentifierText.HasLeadingZeros(value);
        var longDigits = IdentifierText.HasMoreThanFifteenDigits(value);
        if (leadingZeros)
        {
            _leadingZeros++;
            _leadingZerosExample ??= value;
        }
        if (longDigits)
        {
            _longDigits++;
            _longDigitsExample ??= value;
        }
        var named = 0;
        named += Count(ref _emails, IdentifierText.IsEmail(value));
        named += Count(ref _phones, IdentifierText.IsIndianPhone(value));
        named += Count(ref _gstins, IdentifierText.IsGstin(value));
        named += Count(ref _pans, IdentifierText.IsPan(value));
        named += Count(ref _pinCodes, IdentifierText.IsPinCode(value));
        named += Count(ref _ifscs, IdentifierText.IsIfsc(value));
        named += Count(ref _hsns, !isDate && IdentifierText.IsHsnOrSac(value));
        if (named == 0 && (leadingZeros || longDigits || (!isNumber && !isDate && IsCode(value))))
        {
            _identifiers++;
        }
    }

    static int Count(ref long counter, bool matches)
    {
        if (matches)
        {
            counter++;
        }
        return matches ? 1 : 0;
    }

    /// <summary>"INV-2024-001", "SKU123", "A/C-77": one word mixing letters and digits.</summary>
    static bool IsCode(string value)
    {
        var s = value.AsSpan().Trim();
        if (s.Length is < 2 or > 64)
        {
            return false;
        }
        var letters = false;
        var digits = false;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                digits = true;
            }
            else if (char.IsLetter(c))
            {
                letters = true;
            }
            else if (c is not ('-' or '_' or '/' or '.' or '#'))
            {
                return false;
            }
        }
        return letters && digits;
    }

    bool IsNearlyAll(long count) => count >= _classified - (long)Math.Floor(_classified * JunkShare);

    void AddJunkNote(List<string> notes, long matching, string what, string? example)
    {
        var junk = _classified - matching;
        if (junk > 0)
        {
            notes.Add(Invariant($"{junk} of {_classified} values{(_classified < _nonEmpty ? " looked at" : "")} are not {what}, e.g. '{(example is null ? null : ProfileText.Shorten(example))}'."));
        }
    }

    /// <summary>"Invoice Date", "UpdatedOn", "created_at", "DOB", "Timestamp".</summary>
    static bool NameSaysCode(string columnName, string pattern)
    {
        string[] words = pattern == "pin_code" ? ["pin", "pincode", "zip", "zipcode", "postal", "post", "postcode"] : ["hsn", "sac"];
        return Words(columnName).Any(w => words.Contains(w, StringComparer.OrdinalIgnoreCase));
    }

    static bool NameSaysDate(string columnName)
    {
        if (columnName.Contains("date", StringComparison.OrdinalIgnoreCase) || columnName.Contains("time", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        foreach (var word in Words(columnName))
        {
            if (word.Equals("dob", StringComparison.OrdinalIgnoreCase) || word.Equals("dt", StringComparison.OrdinalIgnoreCase)
                || word.Equals("on", StringComparison.OrdinalIgnoreCase) || word.Equals("at", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Splits "created_at", "Created At" and "CreatedAt" alike into words.</summary>
    static IEnumerable<string> Words(string columnName)
    {
        var start = -1;
        for (var i = 0; i <= columnName.Length; i++)
        {
            var boundary = i == columnName.Length || !char.IsLetter(columnName[i])
                || (i > 0 && char.IsUpper(columnName[i]) && char.IsLower(columnName[i - 1]));
            if (boundary && start >= 0)
            {
                yield return columnName[start..i];
                start = -1;
            }
            if (i < columnName.Length && char.IsLetter(columnName[i]) && start < 0)
            {
                start = i;
            }
        }
    }
}
