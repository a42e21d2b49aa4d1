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
        var sample = new byte[SampleBytes];
        int length;
        bool truncated;
        using (var stream = File.OpenRead(path))
        {
            length = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
            truncated = stream.Length > length;
        }
        return Detect(sample.AsSpan(0, length), truncated);
    }

    public static TextFormat Detect(ReadOnlySpan<byte> sample, bool truncated)
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
        if (nul >= 0)
        {
            var evenNuls = 0;
            var oddNuls = 0;
            for (var i = 0; i < Math.Min(sample.Length, 4096); i++)
            {
                if (sample[i] == 0)
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
            var pairs = Math.Min(sample.Length, 4096) / 2;
            if (oddNuls > pairs * 0.9 && evenNuls == 0)
            {
                return new TextFormat(new UnicodeEncoding(false, false, true), "utf-16le", 0);
            }
            if (evenNuls > pairs * 0.9 && oddNuls == 0)
            {
                return new TextFormat(new UnicodeEncoding(true, false, true), "utf-16be", 0);
            }
            throw new SourceFormatException($"The file contains binary data (a NUL byte at offset {nul}); it is not a text file. Upload a CSV export.");
        }
        if (IsValidUtf8(sample, truncated))
        {
            return new TextFormat(new UTF8Encoding(false, true), "utf-8", 0);
        }
        return new TextFormat(Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), "windows-1252", 0);
    }

    static bool IsValidUtf8(ReadOnlySpan<byte> sample, bool truncated)
    {
        if (System.Text.Unicode.Utf8.IsValid(sample))
        {
            return true;
        }
        // A multi-byte character cut off by the end of the sample is not an error.
        for (var cut = 1; truncated && cut <= 3 && cut < sample.Length; cut++)
        {
            if (System.Text.Unicode.Utf8.IsValid(sample[..^cut]))
            {
                return true;
            }
        }
        return false;
    }

    static string? KnownBinary(ReadOnlySpan<byte> sample) => sample switch
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
