using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Ferry.Sources.Excel;

/// <summary>
/// A workbook's shared string table (xl/sharedStrings.xml), which cells of type "s" point into by number. A small
/// table is held in memory; a large one is streamed to a temporary file once and read back string by string, so a
/// workbook of millions of distinct strings costs no more memory than one of a few.
/// </summary>
abstract class SharedStrings : IDisposable
{
    /// <summary>A table whose part declares at most this many bytes, and whose strings hold at most this many characters, is kept in memory.</summary>
    const int InMemoryCharacters = 1024 * 1024;

    public static SharedStrings Load(ZipArchiveEntry? part)
    {
        if (part is null)
        {
            return new InMemory([]);
        }
        if (part.Length <= InMemoryCharacters && InMemory.TryLoad(part) is { } small)
        {
            return small;
        }
        using var stream = part.Open();
        return SharedStringsOnDisk.Write(Items(stream));
    }

    /// <summary>The string at <paramref name="index"/>, or null when the table has no such string.</summary>
    public abstract string? this[int index] { get; }

    public abstract void Dispose();

    /// <summary>Each &lt;si&gt; item's text in table order, read as the part streams past.</summary>
    protected static IEnumerable<string> Items(Stream part)
    {
        using var xml = XmlReader.Create(part, OpenXmlText.Settings);
        var text = new StringBuilder();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                yield return OpenXmlText.Unescaped(OpenXmlText.ReadItem(xml, text));
            }
            else
            {
                xml.Read();
            }
        }
    }

    sealed class InMemory(List<string> strings) : SharedStrings
    {
        public override string? this[int index] => index >= 0 && index < strings.Count ? strings[index] : null;

        public override void Dispose()
        {
        }

        /// <summary>The table, or null when it turns out larger than its part's declared size let it seem.</summary>
        public static InMemory? TryLoad(ZipArchiveEntry part)
        {
            using var stream = part.Open();
            var strings = new List<string>();
            long characters = 0;
            foreach (var item in Items(stream))
            {
                characters += item.Length;
                if (characters > InMemoryCharacters)
                {
                    return null;
                }
                strings.Add(item);
            }
            return new InMemory(strings);
        }
    }
}
