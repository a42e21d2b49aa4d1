using System.Buffers;
using System.Text;

namespace Ferry.Sources;

/// <summary>
/// One pass over a file counting well-formed multi-byte UTF-8 characters and bytes that cannot be UTF-8. A file with
/// only the first is UTF-8, with only the second a single-byte code page, with both a broken mix. For the code page:
/// how many of those bytes follow another one (whole words in a non-Latin script do; Latin accents mostly stand
/// alone), and how many are 0xE0 (Cyrillic "а" in Windows-1251, nearly unused in Greek Windows-1253).
/// </summary>
readonly record struct Utf8Scan(long MultiByteCharacters, long InvalidBytes, long FirstInvalidOffset, byte FirstInvalidByte, long InvalidInRuns, long InvalidE0)
{
    public static Utf8Scan Of(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            long multiByte = 0, invalid = 0, firstOffset = -1, offset = 0, inRuns = 0, e0 = 0, lastInvalid = -2;
            byte firstByte = 0;
            var carried = 0;
            int read;
            while ((read = stream.Read(buffer, carried, buffer.Length - carried)) > 0 || carried > 0)
            {
                var end = carried + read;
                var atEnd = read == 0;
                var data = buffer.AsSpan(0, end);
                var i = 0;
                while (i < data.Length)
                {
                    var ascii = data[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                    if (ascii < 0)
                    {
                        i = data.Length;
                        break;
                    }
                    i += ascii;
                    var status = Rune.DecodeFromUtf8(data[i..], out _, out var consumed);
                    if (status == OperationStatus.NeedMoreData && !atEnd)
                    {
                        break;
                    }
                    if (status == OperationStatus.Done)
                    {
                        multiByte++;
                    }
                    else
                    {
                        if (invalid++ == 0)
                        {
                            firstOffset = offset + i;
                            firstByte = data[i];
                        }
                        inRuns += lastInvalid == offset + i - 1 ? 1 : 0;
                        e0 += data[i] == 0xE0 ? 1 : 0;
                        lastInvalid = offset + i;
                        consumed = Math.Max(consumed, 1);
                    }
                    i += consumed;
                }
                carried = data.Length - i;
                data[i..].CopyTo(buffer);
                offset += i;
                if (atEnd)
                {
                    break;
                }
            }
            return new Utf8Scan(multiByte, invalid, firstOffset, firstByte, inRuns, e0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
