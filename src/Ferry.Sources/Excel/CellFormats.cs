using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Ferry.Sources.Excel;

/// <summary>The number format of each cell style in xl/styles.xml (&lt;cellXfs&gt;), which a cell's s attribute numbers.</summary>
sealed class CellFormats
{
    readonly NumberFormat[] _byStyle;

    CellFormats(NumberFormat[] byStyle) => _byStyle = byStyle;

    /// <summary>The format of style <paramref name="style"/> (the s attribute as written), General when there is none.</summary>
    public NumberFormat Of(string? style) =>
        int.TryParse(style, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < _byStyle.Length
            ? _byStyle[index]
            : NumberFormat.General;

    public static CellFormats Read(ZipArchiveEntry? part)
    {
        if (part is null)
        {
            return new CellFormats([]);
        }
        var custom = new Dictionary<int, NumberFormat>();
        var styles = new List<int>();
        using var stream = part.Open();
        using var xml = XmlReader.Create(stream, OpenXmlText.Settings);
        var cellXfsDepth = -1;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == cellXfsDepth)
            {
                cellXfsDepth = -1;
            }
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            switch (xml.LocalName)
            {
                case "numFmt" when Id(xml) is { } id && xml.GetAttribute("formatCode") is { } code:
                    custom[id] = NumberFormat.Of(code);
                    break;
                case "cellXfs" when !xml.IsEmptyElement:
                    cellXfsDepth = xml.Depth;
                    break;
                case "xf" when cellXfsDepth >= 0 && xml.Depth == cellXfsDepth + 1:
                    styles.Add(Id(xml) ?? 0);
                    break;
            }
        }
        return new CellFormats(styles
            .Select(id => custom.GetValueOrDefault(id) ?? NumberFormat.OfBuiltin(id) ?? NumberFormat.General)
            .ToArray());
    }

    static int? Id(XmlReader xml) =>
        int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
}
