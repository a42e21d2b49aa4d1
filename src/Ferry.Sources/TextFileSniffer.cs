using System.Text;
using Ferry.Core.Sources;

namespace Ferry.Sources;

/// <summary>Decides from a file's first bytes what it is and, for text, which encoding to read it with.</summary>
public static class TextFileSniffer
{
    public const int SampleBytes = 64 * 1024;

    static TextFileSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public sealed record TextFormat(Encoding Encoding, string EncodingName, int PreambleLength);

    public static TextFormat Detect(string path)
    {
        using var stream = File.OpenRead(path);
        var sample = new byte[SampleBytes];
        var length = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        var format = DetectFromSample(sample.AsSpan(0, length));
        if (format is not null)
        {
            return format;
        }
        stream.Seek(0, SeekOrigin.Begin);
        return Scanned.GetOrAdd(path, () => FromScan(Utf8Scan.Of(stream)));
    }

    static readonly FileVersionMemo<TextFormat> Scanned = new();

    /// <summary>
    /// The encoding a user named ("windows-1250", "iso-8859-2", "utf-8", "utf-16le"…), skipping its byte order mark
    /// when the file starts with one; an unknown name is MIG001 with examples.
    /// </summary>
    public static TextFormat Chosen(string path, string name)
    {
        Encoding encoding;
        try
        {
            encoding = name.Trim().ToLowerInvariant() switch
            {
                "utf-8" or "utf8" or "utf-8-bom" => new UTF8Encoding(false, true),
                "utf-16le" or "utf-16" => new UnicodeEncoding(false, false, true),
                "utf-16be" => new UnicodeEncoding(true, false, true),
                var other => Encoding.GetEncoding(other, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
            };
        }
        catch (ArgumentException)
        {
            throw new SourceFormatException(
                $"'{name}' is not an encoding Ferry knows. Use a name such as utf-8, utf-16le, windows-1252, windows-1250 or iso-8859-2.");
        }
        Span<byte> start = stackalloc byte[3];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(start, 3, throwOnEndOfStream: false);
        }
        ReadOnlySpan<byte> preamble = encoding switch
        {
            UTF8Encoding => [0xEF, 0xBB, 0xBF],
            UnicodeEncoding { CodePage: 1200 } => [0xFF, 0xFE],
            UnicodeEncoding => [0xFE, 0xFF],
            _ => [],
        };
        var skip = preamble.Length > 0 && start[..read].StartsWith(preamble) ? preamble.Length : 0;
        return new TextFormat(encoding, encoding is UTF8Encoding or UnicodeEncoding ? name.Trim().ToLowerInvariant() : encoding.WebName, skip);
    }

    static TextFormat FromScan(Utf8Scan scan)
    {
        if (scan.InvalidBytes == 0)
        {
            return new TextFormat(new UTF8Encoding(false, true), "utf-8", 0);
        }
        if (scan.MultiByteCharacters == 0)
        {
            var codePage = SingleByteCodePage(scan);
            return new TextFormat(Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), $"windows-{codePage}", 0);
        }
        throw new SourceFormatException(
            $"The file mixes UTF-8 text with bytes of another encoding (byte 0x{scan.FirstInvalidByte:X2} at offset {scan.FirstInvalidOffset} is not valid UTF-8). Save it again as CSV UTF-8 and upload that.");
    }

    /// <summary>
    /// Windows-1251 (Cyrillic) or Windows-1253 (Greek) when most non-ASCII bytes stand in runs, as the letters of whole
    /// words in those scripts do; else Windows-1252, whose accented letters mostly stand alone among ASCII ones.
    /// Central European and other Latin code pages cannot be told from 1252 this way and read as 1252.
    /// </summary>
    static int SingleByteCodePage(Utf8Scan scan)
    {
        if (scan.InvalidInRuns * 2 <= scan.InvalidBytes)
        {
            return 1252;
        }
        return scan.InvalidE0 * 50 > scan.InvalidBytes ? 1251 : 1253;
    }

    /// <summary>Decides what it can from the first bytes; null means "plain text, decide by scanning the whole file".</summary>
    static TextFormat? DetectFromSample(ReadOnlySpan<byte> sample)
    {
        if (sample.IsEmpty)
        {
            throw new SourceFormatException("The file is empty. Export the data again and upload the file that has rows in it.");
        }
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new TextFormat(new UTF8Encoding(false, true), "utf-8-bom", 3);
        }
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new TextFormat(new UnicodeEncoding(false, false, true), "utf-16le", 2);
        }
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new TextFormat(new UnicodeEncoding(true, false, true), "utf-16be", 2);
        }
        if (KnownBinary(sample) is { } kind)
        {
            throw new SourceFormatException($"The file is {kind}, not a table of data. Save it as CSV (UTF-8) and upload that.");
        }
        var nul = sample.IndexOf((byte)0);
        if (nul < 0)
        {
            return null;
        }
        // UTF-16 without a byte order mark: the NULs of ASCII characters (digits, commas, line breaks) all fall on
        // one side of each byte pair, whatever script the rest of the text is in.
        var window = sample[..(Math.Min(sample.Length, 8192) & ~1)];
        int evenNuls = 0, oddNuls = 0;
        for (var i = 0; i < window.Length; i++)
        {
            if (window[i] == 0)
            {
                if (i % 2 == 0)
                {
                    evenNuls++;
                }
                else
                {
                    oddNuls++;
                }
            }
        }
        var pairs = Math.Max(window.Length / 2, 1);
        if (oddNuls >= pairs / 20 && evenNuls <= pairs / 100)
        {
            return new TextFormat(new UnicodeEncoding(false, false, true), "utf-16le", 0);
        }
        if (evenNuls >= pairs / 20 && oddNuls <= pairs / 100)
        {
            return new TextFormat(new UnicodeEncoding(true, false, true), "utf-16be", 0);
        }
        throw new SourceFormatException($"The file contains binary data (a NUL byte at offset {nul}); it is not a text file. Upload a CSV export.");
    }

    internal static string? KnownBinary(ReadOnlySpan<byte> sample) => sample switch
    {
        [0x50, 0x4B, 0x03, 0x04, ..] => "a ZIP archive or an Excel workbook (.xlsx)",
        [0xD0, 0xCF, 0x11, 0xE0, ..] => "a legacy Office document (.xls or .doc)",
        [0x25, 0x50, 0x44, 0x46, ..] => "a PDF document",
        [0x89, 0x50, 0x4E, 0x47, ..] => "a PNG image",
        [0xFF, 0xD8, 0xFF, ..] => "a JPEG image",
        [0x47, 0x49, 0x46, 0x38, ..] => "a GIF image",
        [0x1F, 0x8B, ..] => "a gzip archive",
        [0x52, 0x61, 0x72, 0x21, ..] => "a RAR archive",
        [0x37, 0x7A, 0xBC, 0xAF, ..] => "a 7-Zip archive",
        [0x4D, 0x5A, ..] => "a Windows program",
        [0x7F, 0x45, 0x4C, 0x46, ..] => "a Linux program",
        [0x53, 0x51, 0x4C, 0x69, 0x74, 0x65, ..] => "an SQLite database",
        _ => null,
    };
}
