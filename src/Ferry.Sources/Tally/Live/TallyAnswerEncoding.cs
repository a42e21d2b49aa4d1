using System.Text;

namespace Ferry.Sources.Tally.Live;

/// <summary>
/// The encoding of an answer from Tally, told from its first bytes: a byte order mark, else the NULs that ASCII
/// markup leaves on one side of each UTF-16 byte pair, else UTF-8 (Tally's default and XML's).
/// </summary>
readonly record struct TallyAnswerEncoding(Encoding Encoding, int PreambleLength)
{
    const int SniffedBytes = 512;

    public static TallyAnswerEncoding Detect(ReadOnlySpan<byte> head, bool throwOnInvalidBytes)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new(new UTF8Encoding(false, throwOnInvalidBytes), 3);
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new(new UnicodeEncoding(false, false, throwOnInvalidBytes), 2);
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new(new UnicodeEncoding(true, false, throwOnInvalidBytes), 2);
        }
        var window = head[..(Math.Min(head.Length, SniffedBytes) & ~1)];
        int evenNuls = 0, oddNuls = 0;
        for (var i = 0; i < window.Length; i++)
        {
            if (window[i] != 0)
            {
                continue;
            }
            if (i % 2 == 0)
            {
                evenNuls++;
            }
            else
            {
                oddNuls++;
            }
        }
        if (oddNuls > window.Length / 8 && evenNuls == 0)
        {
            return new(new UnicodeEncoding(false, false, throwOnInvalidBytes), 0);
        }
        if (evenNuls > window.Length / 8 && oddNuls == 0)
        {
            return new(new UnicodeEncoding(true, false, throwOnInvalidBytes), 0);
        }
        return new(new UTF8Encoding(false, throwOnInvalidBytes), 0);
    }
}
