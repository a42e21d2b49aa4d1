using System.Text;
using System.Xml;

namespace Ferry.Sources.Excel;

/// <summary>The text of a shared or inline string item (&lt;si&gt;, &lt;is&gt;), read the way ExcelDataReader reads it.</summary>
static class OpenXmlText
{
    /// <summary>The most characters Excel keeps in one cell; anything longer was not written by Excel.</summary>
    public const int MaxCellCharacters = 32_767;

    public static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = false,
    };

    /// <summary>
    /// Reads the item the reader is on, up to and past its end tag: its &lt;t&gt; text, or the &lt;t&gt; of each
    /// rich-text run joined, leaving out phonetic guides (&lt;rPh&gt;). Escapes are left as they are.
    /// </summary>
    public static string ReadItem(XmlReader xml, StringBuilder text)
    {
        text.Clear();
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }
        var depth = xml.Depth;
        xml.Read();
        while (!(xml.Depth == depth && xml.NodeType == XmlNodeType.EndElement) && !xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
            }
            else if (xml.LocalName == "t")
            {
                var part = xml.ReadElementContentAsString();
                text.Append(part, 0, Math.Min(part.Length, MaxCellCharacters - Math.Min(text.Length, MaxCellCharacters)));
            }
            else if (xml.LocalName == "r" && !xml.IsEmptyElement)
            {
                xml.Read();
            }
            else
            {
                xml.Skip();
            }
        }
        xml.Read();
        return text.ToString();
    }

    /// <summary>
    /// Replaces the _xHHHH_ escapes with the characters they stand for: Office writes control characters, which XML
    /// cannot hold, that way.
    /// </summary>
    public static string Unescaped(string value)
    {
        var at = value.IndexOf("_x", StringComparison.Ordinal);
        if (at < 0)
        {
            return value;
        }
        var unescaped = new StringBuilder(value.Length);
        var start = 0;
        for (; at >= 0; at = value.IndexOf("_x", at, StringComparison.Ordinal))
        {
            if (at + 7 <= value.Length && value[at + 6] == '_' && IsHex(value.AsSpan(at + 2, 4)))
            {
                unescaped.Append(value, start, at - start);
                unescaped.Append((char)Convert.ToInt32(value.Substring(at + 2, 4), 16));
                at += 7;
                start = at;
            }
            else
            {
                at += 2;
            }
        }
        return unescaped.Append(value, start, value.Length - start).ToString();
    }

    static bool IsHex(ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'A' and <= 'F'))
            {
                return false;
            }
        }
        return true;
    }
}
