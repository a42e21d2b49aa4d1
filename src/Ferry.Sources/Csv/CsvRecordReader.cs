using System.Globalization;
using System.Text;
using Ferry.Core.Sources;
using Sylvan.Data.Csv;

namespace Ferry.Sources.Csv;

/// <summary>
/// Streams the rows of a CSV file: the first row is the header; blank and duplicate header names are made
/// unique; a row with more filled cells than the header has columns is an error, not silently cut.
/// </summary>
public sealed class CsvRecordReader : IRecordReader
{
    /// <summary>Longest record accepted, in characters; a longer one almost always means an unclosed quote.</summary>
    public const int MaxRecordChars = 4 * 1024 * 1024;

    readonly CsvDataReader _reader;
    readonly StreamReader _text;
    long _row;
    long _records = 1;

    CsvRecordReader(StreamReader text, CsvDataReader reader, IReadOnlyList<string> columns, string encodingName, char delimiter)
    {
        _text = text;
        _reader = reader;
        Columns = columns;
        EncodingName = encodingName;
        Delimiter = delimiter;
    }

    public IReadOnlyList<string> Columns { get; }

    public string EncodingName { get; }

    public char Delimiter { get; }

    public long RowNumber => _row;

    /// <summary>The row as a spreadsheet shows it: the header is row 1, blank rows count.</summary>
    public string Location => "row " + _records.ToString(CultureInfo.InvariantCulture);

    public static CsvRecordReader Open(string path)
    {
        var format = TextFileSniffer.Detect(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        stream.Seek(format.PreambleLength, SeekOrigin.Begin);
        var text = new StreamReader(stream, format.Encoding, detectEncodingFromByteOrderMarks: false, 1 << 16);
        try
        {
            var delimiter = Decoding(() => SniffDelimiter(text, format.PreambleLength), 0);
            var options = new CsvDataReaderOptions
            {
                HasHeaders = false,
                Delimiter = delimiter,
                Comment = '\0',
                BufferSize = 1 << 16,
                MaxBufferSize = MaxRecordChars,
                OwnsReader = false,
            };
            var reader = Decoding(() => CsvDataReader.Create(text, options), 0);
            if (!Decoding(reader.Read, 0))
            {
                throw new SourceFormatException("The file is empty. Export the data again and upload the file that has rows in it.");
            }
            var columns = Headers(reader);
            return new CsvRecordReader(text, reader, columns, format.EncodingName, delimiter);
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
            if (!Decoding(_reader.Read, _records))
            {
                return false;
            }
            _records++;
            if (IsBlank())
            {
                continue;
            }
            _row++;
            for (var i = Columns.Count; i < _reader.RowFieldCount; i++)
            {
                if (_reader.GetFieldSpan(i).Trim().Length > 0)
                {
                    throw new SourceFormatException(
                        $"Row {_records} has {_reader.RowFieldCount} fields but the header has {Columns.Count}: a value probably contains an unquoted '{Delimiter}'. Quote that value or remove the extra field, then upload again.");
                }
            }
            return true;
        }
    }

    public string? GetValue(int ordinal)
    {
        if (ordinal >= _reader.RowFieldCount)
        {
            return null;
        }
        var span = _reader.GetFieldSpan(ordinal);
        return span.IsEmpty ? null : span.ToString();
    }

    bool IsBlank()
    {
        for (var i = 0; i < _reader.RowFieldCount; i++)
        {
            if (!_reader.GetFieldSpan(i).IsWhiteSpace())
            {
                return false;
            }
        }
        return true;
    }

    static List<string> Headers(CsvDataReader reader)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var last = reader.RowFieldCount;
        while (last > 0 && reader.GetFieldSpan(last - 1).IsWhiteSpace())
        {
            last--;
        }
        if (last == 0)
        {
            throw new SourceFormatException("The first row of the file is empty; it must hold the column names.");
        }
        for (var i = 0; i < last; i++)
        {
            var name = reader.GetString(i).Trim();
            if (name.Length == 0)
            {
                name = $"Column {i + 1}";
            }
            var unique = name;
            for (var n = 2; !seen.Add(unique); n++)
            {
                unique = $"{name} ({n})";
            }
            names.Add(unique);
        }
        return names;
    }

    /// <summary>The delimiter that splits the header line into the most fields, outside quotes.</summary>
    static char SniffDelimiter(StreamReader text, int preambleLength)
    {
        var buffer = new char[8192];
        var read = text.ReadBlock(buffer, 0, buffer.Length);
        ReadOnlySpan<char> candidates = [',', ';', '\t', '|'];
        Span<int> counts = stackalloc int[candidates.Length];
        var inQuotes = false;
        for (var i = 0; i < read; i++)
        {
            var c = buffer[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && (c == '\n' || c == '\r'))
            {
                break;
            }
            else if (!inQuotes && candidates.IndexOf(c) is var k and >= 0)
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
        return candidates[best];
    }

    /// <param name="row">The last row read; a failure is in the next one.</param>
    static T Decoding<T>(Func<T> read, long row)
    {
        try
        {
            return read();
        }
        catch (DecoderFallbackException e)
        {
            throw new SourceFormatException(
                $"The file is not valid text in the encoding it appears to use (near row {row + 1}: {e.Message}). Save it again as CSV UTF-8 and upload that.", e);
        }
        catch (CsvRecordTooLargeException e)
        {
            throw new SourceFormatException(
                $"Row {row + 1} is longer than {MaxRecordChars / (1024 * 1024)} million characters; a quote is probably not closed. Check the quotes on that row.", e);
        }
        catch (CsvFormatException e)
        {
            throw new SourceFormatException($"The CSV is malformed at row {e.RowNumber}: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _text.Dispose();
    }
}
