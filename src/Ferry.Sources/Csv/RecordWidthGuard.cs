using System.Buffers;
using System.Globalization;
using Ferry.Sources.Tables;

namespace Ferry.Sources.Csv;

/// <summary>
/// Passes delimited text through to the CSV parser while counting each record's fields, and refuses a record with
/// more than <see cref="MaxFields"/> before the parser sees it all: Sylvan grows its per-record field table a few
/// fields at a time, so one record of a million empty fields (two megabytes of commas) would cost it minutes.
/// Fields are counted as Sylvan splits them: a quote opens a quoted field only at the field's start, and a doubled
/// quote inside one stays inside. The text stays its caller's to dispose of.
/// </summary>
sealed class RecordWidthGuard(TextReader text, char delimiter, char quote, int maxColumns) : TextReader
{
    /// <summary>Excel writes at most this many cells a row, empty ones included, when it saves a sheet as CSV.</summary>
    const int SpreadsheetWidth = 16_384;

    enum Place { FieldStart, Unquoted, Quoted, QuoteInQuoted }

    readonly SearchValues<char> _special = SearchValues.Create([delimiter, quote, '\r', '\n']);
    Place _place;
    int _fields = 1;
    long _record = 1;
    bool _afterCarriageReturn;

    /// <summary>The most fields a record may have: any table within the limits, or a sheet saved with every trailing empty cell.</summary>
    public int MaxFields { get; } = Math.Max(maxColumns, SpreadsheetWidth);

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var read = text.Read(buffer);
        Count(buffer[..read]);
        return read;
    }

    public override int ReadBlock(char[] buffer, int index, int count) => ReadBlock(buffer.AsSpan(index, count));

    public override int ReadBlock(Span<char> buffer)
    {
        var read = text.ReadBlock(buffer);
        Count(buffer[..read]);
        return read;
    }

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

    public override ValueTask<int> ReadBlockAsync(Memory<char> buffer, CancellationToken cancellationToken = default) => new(ReadBlock(buffer.Span));

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => Task.FromResult(Read(buffer, index, count));

    public override Task<int> ReadBlockAsync(char[] buffer, int index, int count) => Task.FromResult(ReadBlock(buffer, index, count));

    public override int Peek() => text.Peek();

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    void Count(ReadOnlySpan<char> chars)
    {
        var at = 0;
        while (at < chars.Length)
        {
            if (_place == Place.Quoted)
            {
                var close = chars[at..].IndexOf(quote);
                if (close < 0)
                {
                    return;
                }
                at += close + 1;
                _place = Place.QuoteInQuoted;
                _afterCarriageReturn = false;
                continue;
            }
            var c = chars[at];
            var afterCarriageReturn = _afterCarriageReturn;
            _afterCarriageReturn = c == '\r';
            if (_place == Place.QuoteInQuoted)
            {
                _place = c == quote ? Place.Quoted : Place.Unquoted;
                if (c == quote)
                {
                    at++;
                    continue;
                }
            }
            if (_place == Place.FieldStart && c == quote)
            {
                _place = Place.Quoted;
                at++;
                continue;
            }
            if (c != delimiter && c != '\r' && c != '\n')
            {
                // An ordinary character: the field has started; skip to the next one that can end it.
                _place = Place.Unquoted;
                var next = chars[at..].IndexOfAny(_special);
                if (next < 0)
                {
                    return;
                }
                at += Math.Max(next, 1);
                continue;
            }
            if (c == delimiter)
            {
                if (++_fields > MaxFields)
                {
                    throw SourceLimits.TooManyColumns($"Row {_record.ToString(CultureInfo.InvariantCulture)} of the file", null, maxColumns);
                }
            }
            else
            {
                _fields = 1;
                _record += c == '\n' && afterCarriageReturn ? 0 : 1;
            }
            _place = Place.FieldStart;
            at++;
        }
    }
}
