using System.Text;
using Ferry.Core.Sources;
using Ferry.Sources.Tables;
using Sylvan.Data.Csv;

namespace Ferry.Sources.Csv;

/// <summary>
/// The physical rows of a delimited text file, streamed with Sylvan.Data.Csv after the encoding, delimiter and
/// line-ending style have been sniffed. Comments are off: a row starting with '#' is data.
/// </summary>
public sealed class CsvRowSource : IRowSource
{
    /// <summary>Longest record accepted, in characters; a longer one almost always means an unclosed quote.</summary>
    public const int MaxRecordChars = 4 * 1024 * 1024;

    readonly CsvDataReader _reader;
    readonly StreamReader _text;
    long _records;
    int _fields;

    CsvRowSource(StreamReader text, CsvDataReader reader, string encodingName, char delimiter, string lineEnding, char? quote)
    {
        _text = text;
        _reader = reader;
        EncodingName = encodingName;
        Delimiter = delimiter;
        LineEnding = lineEnding;
        Quote = quote;
    }

    public string EncodingName { get; }

    public char Delimiter { get; }

    /// <summary>"crlf", "lf", "cr" or "mixed", from the start of the file.</summary>
    public string LineEnding { get; }

    /// <summary>The character fields are quoted with ('"' or '\''), or null when the start of the file quotes none.</summary>
    public char? Quote { get; }

    public long RowIndex => _records;

    public int FieldCount => Math.Min(_fields, ReadWidth);

    public int ReadWidth { get; set; } = int.MaxValue;

    /// <param name="encoding">An encoding the user chose instead of the detected one.</param>
    /// <param name="maxColumns">The most columns a table may have; a record with far more fields is refused before it is parsed (<see cref="RecordWidthGuard"/>).</param>
    public static CsvRowSource Open(string path, string? encoding, int maxColumns)
    {
        var format = encoding is null ? TextFileSniffer.Detect(path) : TextFileSniffer.Chosen(path, encoding);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        stream.Seek(format.PreambleLength, SeekOrigin.Begin);
        var text = new StreamReader(stream, format.Encoding, detectEncodingFromByteOrderMarks: false, 1 << 16);
        try
        {
            var (delimiter, lineEnding, quote) = Decoding(() => Sniff(text, format.PreambleLength), 0);
            var options = new CsvDataReaderOptions
            {
                HasHeaders = false,
                Delimiter = delimiter,
                Quote = quote ?? '"',
                Escape = quote ?? '"',
                Comment = '\0',
                BufferSize = 1 << 16,
                MaxBufferSize = MaxRecordChars,
                OwnsReader = false,
            };
            var reader = Decoding(() => CsvDataReader.Create(new RecordWidthGuard(text, delimiter, options.Quote, maxColumns), options), 0);
            return new CsvRowSource(text, reader, format.EncodingName, delimiter, lineEnding, quote);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    public bool Read()
    {
        while (true)
        {
            bool read;
            try
            {
                read = _reader.Read();
            }
            catch (Exception e) when (IsFormatFailure(e))
            {
                throw FormatFailure(e, _records);
            }
            if (!read)
            {
                return false;
            }
            _records++;
            _fields = _reader.RowFieldCount;
            while (_fields > 0 && _reader.GetFieldSpan(_fields - 1).IsWhiteSpace())
            {
                _fields--;
            }
            if (_fields > 0)
            {
                return true;
            }
        }
    }

    public string? GetText(int column)
    {
        if (column >= FieldCount)
        {
            return null;
        }
        var span = _reader.GetFieldSpan(column).Trim();
        return span.IsEmpty ? null : span.ToString();
    }

    /// <summary>
    /// The delimiter that splits the first line into the most fields outside quotes, how lines end, and which quote
    /// character wraps fields.
    /// </summary>
    static (char Delimiter, string LineEnding, char? Quote) Sniff(StreamReader text, int preambleLength)
    {
        var buffer = new char[65536];
        var read = text.ReadBlock(buffer, 0, buffer.Length);
        ReadOnlySpan<char> candidates = [',', ';', '\t', '|'];
        Span<int> counts = stackalloc int[candidates.Length];
        var inQuotes = false;
        var firstLine = true;
        int crlf = 0, lf = 0, cr = 0;
        for (var i = 0; i < read; i++)
        {
            var c = buffer[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c == '\r')
            {
                if (i + 1 < read && buffer[i + 1] == '\n')
                {
                    crlf++;
                    i++;
                }
                else if (i + 1 < read)
                {
                    cr++;
                }
                firstLine = false;
            }
            else if (!inQuotes && c == '\n')
            {
                lf++;
                firstLine = false;
            }
            else if (firstLine && !inQuotes && candidates.IndexOf(c) is var k and >= 0)
            {
                counts[k]++;
            }
        }
        text.BaseStream.Seek(preambleLength, SeekOrigin.Begin);
        text.DiscardBufferedData();
        var best = 0;
        for (var k = 1; k < candidates.Length; k++)
        {
            if (counts[k] > counts[best])
            {
                best = k;
            }
        }
        var endings = (crlf > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
        var lineEnding = endings > 1 ? "mixed" : crlf > 0 ? "crlf" : cr > 0 ? "cr" : "lf";
        return (candidates[best], lineEnding, QuoteOf(buffer.AsSpan(0, read), candidates[best]));
    }

    /// <summary>
    /// '"' when a field opens with one; else '\'' when fields are wrapped whole in single quotes (opened at a field's
    /// start, closed right before a delimiter or line end), as some exports write; else null.
    /// </summary>
    static char? QuoteOf(ReadOnlySpan<char> sample, char delimiter)
    {
        int wrappedInSingle = 0, other = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (i > 0 && sample[i - 1] != delimiter && sample[i - 1] is not ('\n' or '\r'))
            {
                continue;
            }
            if (sample[i] == '"')
            {
                return '"';
            }
            if (sample[i] != '\'')
            {
                other++;
                continue;
            }
            var end = ClosingSingleQuote(sample, i + 1, delimiter);
            if (end < 0)
            {
                other++;
                continue;
            }
            wrappedInSingle++;
            i = end;
        }
        return wrappedInSingle >= 2 && wrappedInSingle >= other ? '\'' : null;
    }

    /// <summary>Where a field opened with '\'' closes (a doubled '' stays inside), or -1 when it does not close at a field's end.</summary>
    static int ClosingSingleQuote(ReadOnlySpan<char> sample, int from, char delimiter)
    {
        for (var j = from; j < sample.Length; j++)
        {
            if (sample[j] != '\'')
            {
                continue;
            }
            if (j + 1 < sample.Length && sample[j + 1] == '\'')
            {
                j++;
                continue;
            }
            return j + 1 == sample.Length || sample[j + 1] == delimiter || sample[j + 1] is '\r' or '\n' ? j : -1;
        }
        return -1;
    }

    static T Decoding<T>(Func<T> read, long row)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (IsFormatFailure(e))
        {
            throw FormatFailure(e, row);
        }
    }

    static bool IsFormatFailure(Exception e) => e is DecoderFallbackException or CsvRecordTooLargeException or CsvFormatException;

    /// <param name="row">The last row read; a failure is in the next one.</param>
    static SourceFormatException FormatFailure(Exception e, long row) => e switch
    {
        DecoderFallbackException => new SourceFormatException(
            $"The file is not valid text in the encoding it appears to use (near row {row + 1}: {e.Message}). Save it again as CSV UTF-8 and upload that.", e),
        CsvRecordTooLargeException => new SourceFormatException(
            $"Row {row + 1} is longer than {MaxRecordChars / (1024 * 1024)} million characters; a quote is probably not closed. Check the quotes on that row.", e),
        _ => new SourceFormatException($"The CSV is malformed at row {((CsvFormatException)e).RowNumber}: {e.Message}", e),
    };

    public void Dispose()
    {
        _reader.Dispose();
        _text.Dispose();
    }
}
