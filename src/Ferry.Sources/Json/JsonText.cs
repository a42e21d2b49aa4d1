using System.Text;
using Ferry.Core.Sources;

namespace Ferry.Sources.Json;

/// <summary>Opens a JSON file as UTF-8 bytes, whichever Unicode encoding it was saved in.</summary>
static class JsonText
{
    public static Stream OpenUtf8(string path, out string encodingName)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            var sample = new byte[4096];
            var head = sample.AsSpan(0, file.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false));
            if (head.IsEmpty)
            {
                throw new SourceFormatException("The file is empty. Export the data again and upload the file that has records in it.");
            }
            if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                encodingName = "utf-8-bom";
                file.Seek(3, SeekOrigin.Begin);
                return file;
            }
            if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            {
                var bigEndian = head[0] == 0xFE;
                encodingName = bigEndian ? "utf-16be" : "utf-16le";
                file.Seek(2, SeekOrigin.Begin);
                var utf16 = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true);
                return Encoding.CreateTranscodingStream(file, utf16, new UTF8Encoding(false));
            }
            if (TextFileSniffer.KnownBinary(head) is { } kind)
            {
                throw new SourceFormatException($"The file is {kind}, not JSON text. Export the data as JSON and upload that.");
            }
            if (head.IndexOf((byte)0) is var nul and >= 0)
            {
                throw new SourceFormatException(
                    $"The file contains binary data (a NUL byte at offset {nul}), not JSON text. If it is UTF-16 text without a byte order mark, save it again as UTF-8.");
            }
            encodingName = "utf-8";
            file.Seek(0, SeekOrigin.Begin);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
