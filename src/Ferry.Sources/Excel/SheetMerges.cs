using System.Text;

namespace Ferry.Sources.Excel;

/// <summary>
/// Finds a sheet's merged ranges before its rows are read. They are listed after all the rows (&lt;mergeCells&gt;
/// follows &lt;sheetData&gt;), so the part is scanned once as bytes for &lt;mergeCell ref="…"&gt; tags, which is far
/// cheaper than parsing every cell twice.
/// </summary>
static class SheetMerges
{
    static ReadOnlySpan<byte> Tag => "mergeCell"u8;

    public static List<MergedRange> Scan(Stream part)
    {
        var ranges = new List<MergedRange>();
        var buffer = new byte[1 << 16];
        var kept = 0;
        while (true)
        {
            var read = part.ReadAtLeast(buffer.AsSpan(kept), buffer.Length - kept, throwOnEndOfStream: false);
            var end = read < buffer.Length - kept;
            var window = buffer.AsSpan(0, kept + read);
            var from = 0;
            var carryFrom = Math.Max(0, window.Length - Tag.Length - 1);
            for (var at = window.IndexOf(Tag); at >= 0; at = NextTag(window, at + Tag.Length))
            {
                if (at == 0)
                {
                    // The byte before is always carried over; only the very start of the part has none.
                    continue;
                }
                if (at + Tag.Length >= window.Length)
                {
                    carryFrom = Math.Min(carryFrom, at - 1);
                    break;
                }
                if (window[at - 1] is not ((byte)'<' or (byte)':') || !IsSpace(window[at + Tag.Length]))
                {
                    continue;
                }
                var close = window[at..].IndexOf((byte)'>');
                if (close < 0)
                {
                    carryFrom = Math.Min(carryFrom, at - 1);
                    break;
                }
                if (Reference(window.Slice(at, close)) is { } reference && CellReference.Range(reference) is { } range)
                {
                    ranges.Add(range);
                }
                from = at + close;
            }
            if (end)
            {
                return ranges;
            }
            carryFrom = Math.Max(carryFrom, from);
            if (carryFrom == 0 && window.Length == buffer.Length)
            {
                // A tag longer than the buffer is no mergeCell Excel wrote; look past it.
                carryFrom = window.Length - Tag.Length - 1;
            }
            kept = window.Length - carryFrom;
            window[carryFrom..].CopyTo(buffer);
        }
    }

    static int NextTag(ReadOnlySpan<byte> window, int from)
    {
        var at = window[from..].IndexOf(Tag);
        return at < 0 ? -1 : from + at;
    }

    static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>The ref attribute's value in a tag's bytes, or null.</summary>
    static string? Reference(ReadOnlySpan<byte> tag)
    {
        for (var at = tag.IndexOf("ref"u8); at >= 0;)
        {
            var rest = tag[(at + 3)..].TrimStart(" \t\r\n"u8);
            if (IsSpace(tag[at - 1]) && !rest.IsEmpty && rest[0] == (byte)'=')
            {
                rest = rest[1..].TrimStart(" \t\r\n"u8);
                if (!rest.IsEmpty && rest[0] is (byte)'"' or (byte)'\'')
                {
                    var close = rest[1..].IndexOf(rest[0]);
                    return close < 0 ? null : Encoding.ASCII.GetString(rest.Slice(1, close));
                }
            }
            var next = tag[(at + 3)..].IndexOf("ref"u8);
            at = next < 0 ? -1 : at + 3 + next;
        }
        return null;
    }
}
