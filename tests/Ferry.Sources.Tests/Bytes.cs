using System.Text;

namespace Ferry.Sources.Tests;

/// <summary>File contents spelled out byte by byte, so each encoding case shows exactly what is on disk.</summary>
static class Bytes
{
    public static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    public static readonly byte[] Utf16LeBom = [0xFF, 0xFE];
    public static readonly byte[] Utf16BeBom = [0xFE, 0xFF];

    /// <summary>Plain ASCII text; refuses anything else so a test never depends on an encoder by accident.</summary>
    public static byte[] Ascii(string text)
    {
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > 0x7F)
            {
                throw new ArgumentException($"'{text[i]}' is not ASCII; write its bytes explicitly.", nameof(text));
            }
            bytes[i] = (byte)text[i];
        }
        return bytes;
    }

    public static byte[] Utf16Le(string text)
    {
        var bytes = new byte[text.Length * 2];
        for (var i = 0; i < text.Length; i++)
        {
            bytes[2 * i] = (byte)(text[i] & 0xFF);
            bytes[2 * i + 1] = (byte)(text[i] >> 8);
        }
        return bytes;
    }

    public static byte[] Utf16Be(string text)
    {
        var bytes = new byte[text.Length * 2];
        for (var i = 0; i < text.Length; i++)
        {
            bytes[2 * i] = (byte)(text[i] >> 8);
            bytes[2 * i + 1] = (byte)(text[i] & 0xFF);
        }
        return bytes;
    }

    /// <summary>Valid ASCII CSV rows ("Customer 1,c1@example.in\n", …) until at least <paramref name="minimumBytes"/>.</summary>
    public static byte[] AsciiRows(int minimumBytes)
    {
        var builder = new StringBuilder();
        for (var i = 1; builder.Length < minimumBytes; i++)
        {
            builder.Append("Customer ").Append(i).Append(",c").Append(i).Append("@example.in\n");
        }
        return Ascii(builder.ToString());
    }

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
