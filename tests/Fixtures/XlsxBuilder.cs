using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Ferry.Tests.Fixtures;

/// <summary>
/// Writes .xlsx workbooks part by part from what a test spells out, so every odd or hostile case is visible in the
/// test: shared, rich and inline strings, numbers, dates, custom number formats, merged ranges, declared dimensions, missing
/// rows, styled blanks far out, macro parts, DTDs, zero-filled bombs, and sheets of a million rows written straight to
/// disk.
/// </summary>
/// <remarks>
/// Row cells are plain values: <see cref="string"/> (a shared string), numbers, <see cref="bool"/>,
/// <see cref="DateTime"/> (a serial number styled "yyyy-mm-dd", or "yyyy-mm-dd hh:mm:ss" when it has a time), an
/// <see cref="XlsxCell"/> for anything else, or null for no cell at all.
/// </remarks>
public sealed class XlsxBuilder
{
    public const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    public const string MacroEnabledContentType = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

    const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";

    readonly List<XlsxSheet> _sheets = [];
    readonly List<(string Text, IReadOnlyList<string>? Runs)> _sharedStrings = [];
    readonly Dictionary<string, int> _sharedStringIndex = new(StringComparer.Ordinal);
    readonly List<(string Code, int Id)> _styles = [("General", 0)];
    readonly Dictionary<string, byte[]> _extraParts = new(StringComparer.Ordinal);
    readonly List<(string Name, long Bytes)> _zeroFilledParts = [];
    string _workbookContentType = WorkbookContentType;
    bool _vbaProject;
    bool _date1904;
    string? _doctypePart;

    public XlsxSheet Sheet(string name)
    {
        var sheet = new XlsxSheet(name);
        _sheets.Add(sheet);
        return sheet;
    }

    /// <summary>Marks the workbook as macro-enabled (.xlsm) and adds an xl/vbaProject.bin part.</summary>
    public XlsxBuilder MacroEnabled(bool withVbaProject = true)
    {
        _workbookContentType = MacroEnabledContentType;
        _vbaProject = withVbaProject;
        return this;
    }

    /// <summary>Counts dates from 1904 (workbookPr date1904), as old Mac Excel did: serial 0 is 1904-01-01.</summary>
    public XlsxBuilder Date1904()
    {
        _date1904 = true;
        return this;
    }

    /// <summary>Only adds xl/vbaProject.bin, keeping the ordinary workbook content type.</summary>
    public XlsxBuilder VbaProject()
    {
        _vbaProject = true;
        return this;
    }

    public XlsxBuilder ContentType(string workbookContentType)
    {
        _workbookContentType = workbookContentType;
        return this;
    }

    /// <summary>Writes a DOCTYPE with an internal entity into the named part, e.g. "xl/workbook.xml".</summary>
    public XlsxBuilder DoctypeIn(string partName)
    {
        _doctypePart = partName;
        return this;
    }

    public XlsxBuilder Part(string name, byte[] content)
    {
        _extraParts[name] = content;
        return this;
    }

    /// <summary>An extra part of <paramref name="bytes"/> zero bytes, compressed about a thousand to one.</summary>
    public XlsxBuilder ZeroFilledPart(string name, long bytes)
    {
        _zeroFilledParts.Add((name, bytes));
        return this;
    }

    public void Save(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        // Sheets go first: writing them is what fills the shared string table and the styles.
        for (var i = 0; i < _sheets.Count; i++)
        {
            WritePart(zip, $"xl/worksheets/sheet{i + 1}.xml", xml => WriteSheet(xml, _sheets[i]));
        }
        WritePart(zip, "[Content_Types].xml", WriteContentTypes);
        WritePart(zip, "_rels/.rels", WritePackageRels);
        WritePart(zip, "xl/workbook.xml", WriteWorkbook);
        WritePart(zip, "xl/_rels/workbook.xml.rels", WriteWorkbookRels);
        WritePart(zip, "xl/styles.xml", WriteStyles);
        WritePart(zip, "xl/sharedStrings.xml", WriteSharedStrings);
        if (_vbaProject)
        {
            WriteBytes(zip, "xl/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        }
        foreach (var (name, content) in _extraParts)
        {
            WriteBytes(zip, name, content);
        }
        foreach (var (name, bytes) in _zeroFilledParts)
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            var zeros = new byte[1 << 20];
            for (var left = bytes; left > 0; left -= zeros.Length)
            {
                entry.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
            }
        }
    }

    /// <summary>Writes a ZIP holding exactly the given text entries: a Word document, an OpenDocument file, anything.</summary>
    public static void Zip(string path, params (string Name, string Text)[] entries)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in entries)
        {
            WriteBytes(zip, name, Encoding.UTF8.GetBytes(text));
        }
    }

    static void WriteBytes(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name).Open();
        entry.Write(content);
    }

    void WritePart(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(entry, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        if (name == _doctypePart)
        {
            xml.WriteDocType("root", null, null, "<!ENTITY lol \"lol\">");
        }
        write(xml);
        xml.WriteEndDocument();
    }

    void WriteSheet(XmlWriter xml, XlsxSheet sheet)
    {
        xml.WriteStartElement("worksheet", Main);
        xml.WriteAttributeString("xmlns", "r", null, Relationships);
        if (sheet.DeclaredDimension is { } dimension)
        {
            xml.WriteStartElement("dimension", Main);
            xml.WriteAttributeString("ref", dimension);
            xml.WriteEndElement();
        }
        xml.WriteStartElement("sheetData", Main);
        var last = 0;
        foreach (var (number, cells) in sheet.ExplicitRows)
        {
            WriteRow(xml, number, cells, !sheet.OmitsReferences);
            last = number;
        }
        if (sheet.Generator is { } generator)
        {
            for (var i = 1; i <= generator.Count; i++)
            {
                var cells = new SortedDictionary<int, object>();
                var values = generator.Cells(i);
                for (var c = 0; c < values.Length; c++)
                {
                    if (values[c] is { } value)
                    {
                        cells[c] = value;
                    }
                }
                WriteRow(xml, last + i, cells);
            }
        }
        xml.WriteEndElement();
        if (sheet.MergedRanges.Count > 0)
        {
            xml.WriteStartElement("mergeCells", Main);
            xml.WriteAttributeString("count", sheet.MergedRanges.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var range in sheet.MergedRanges)
            {
                xml.WriteStartElement("mergeCell", Main);
                xml.WriteAttributeString("ref", range);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    void WriteRow(XmlWriter xml, int number, SortedDictionary<int, object> cells, bool references = true)
    {
        xml.WriteStartElement("row", Main);
        if (references)
        {
            xml.WriteAttributeString("r", number.ToString(CultureInfo.InvariantCulture));
        }
        var next = 0;
        foreach (var (column, value) in cells)
        {
            for (; !references && next < column; next++)
            {
                xml.WriteStartElement("c", Main);
                xml.WriteEndElement();
            }
            WriteCell(xml, references ? ColumnName(column) + number.ToString(CultureInfo.InvariantCulture) : null, value);
            next = column + 1;
        }
        xml.WriteEndElement();
    }

    void WriteCell(XmlWriter xml, string? reference, object value)
    {
        var cell = value as XlsxCell ?? XlsxCell.From(value);
        xml.WriteStartElement("c", Main);
        if (reference is not null)
        {
            xml.WriteAttributeString("r", reference);
        }
        if (cell.Format is { } format)
        {
            xml.WriteAttributeString("s", Style(format, cell.BuiltinFormatId).ToString(CultureInfo.InvariantCulture));
        }
        switch (cell.Kind)
        {
            case XlsxCell.CellKind.Shared:
                xml.WriteAttributeString("t", "s");
                xml.WriteElementString("v", Main, SharedString(cell.Text!, null).ToString(CultureInfo.InvariantCulture));
                break;
            case XlsxCell.CellKind.Rich:
                xml.WriteAttributeString("t", "s");
                xml.WriteElementString("v", Main, SharedString(string.Join('\u0001', cell.Runs!), cell.Runs).ToString(CultureInfo.InvariantCulture));
                break;
            case XlsxCell.CellKind.FormulaText:
                xml.WriteAttributeString("t", "str");
                xml.WriteElementString("f", Main, "CONCAT(\"x\")");
                xml.WriteElementString("v", Main, cell.Text);
                break;
            case XlsxCell.CellKind.IsoDate:
                xml.WriteAttributeString("t", "d");
                xml.WriteElementString("v", Main, cell.Text);
                break;
            case XlsxCell.CellKind.Inline:
                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is", Main);
                xml.WriteStartElement("t", Main);
                xml.WriteAttributeString("xml", "space", null, "preserve");
                xml.WriteString(cell.Text);
                xml.WriteEndElement();
                xml.WriteEndElement();
                break;
            case XlsxCell.CellKind.Boolean:
                xml.WriteAttributeString("t", "b");
                xml.WriteElementString("v", Main, cell.Text);
                break;
            case XlsxCell.CellKind.Error:
                xml.WriteAttributeString("t", "e");
                xml.WriteElementString("v", Main, cell.Text);
                break;
            case XlsxCell.CellKind.Number:
                xml.WriteElementString("v", Main, cell.Text);
                break;
            case XlsxCell.CellKind.Blank:
                break;
        }
        xml.WriteEndElement();
    }

    /// <param name="runs">The rich-text runs the string is written as, or null for one plain text.</param>
    int SharedString(string text, IReadOnlyList<string>? runs)
    {
        var key = runs is null ? text : "\u0001" + text;
        if (!_sharedStringIndex.TryGetValue(key, out var index))
        {
            index = _sharedStrings.Count;
            _sharedStrings.Add((text, runs));
            _sharedStringIndex.Add(key, index);
        }
        return index;
    }

    int Style(string format, int? builtinId)
    {
        var index = _styles.FindIndex(s => s.Code == format);
        if (index < 0)
        {
            index = _styles.Count;
            _styles.Add((format, builtinId ?? 164 + _styles.Count(s => s.Id >= 164)));
        }
        return index;
    }

    void WriteContentTypes(XmlWriter xml)
    {
        xml.WriteStartElement("Types", ContentTypes);
        Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(xml, "xml", "application/xml");
        if (_vbaProject)
        {
            Default(xml, "bin", "application/vnd.ms-office.vbaProject");
        }
        Override(xml, "/xl/workbook.xml", _workbookContentType);
        for (var i = 0; i < _sheets.Count; i++)
        {
            Override(xml, $"/xl/worksheets/sheet{i + 1}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        }
        Override(xml, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        Override(xml, "/xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
        xml.WriteEndElement();

        static void Default(XmlWriter xml, string extension, string type)
        {
            xml.WriteStartElement("Default", ContentTypes);
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }

        static void Override(XmlWriter xml, string part, string type)
        {
            xml.WriteStartElement("Override", ContentTypes);
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
    }

    static void WritePackageRels(XmlWriter xml)
    {
        xml.WriteStartElement("Relationships", PackageRelationships);
        Relationship(xml, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml");
        xml.WriteEndElement();
    }

    void WriteWorkbook(XmlWriter xml)
    {
        xml.WriteStartElement("workbook", Main);
        xml.WriteAttributeString("xmlns", "r", null, Relationships);
        if (_date1904)
        {
            xml.WriteStartElement("workbookPr", Main);
            xml.WriteAttributeString("date1904", "1");
            xml.WriteEndElement();
        }
        xml.WriteStartElement("sheets", Main);
        for (var i = 0; i < _sheets.Count; i++)
        {
            xml.WriteStartElement("sheet", Main);
            xml.WriteAttributeString("name", _sheets[i].Name);
            xml.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("id", Relationships, $"rId{i + 1}");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    void WriteWorkbookRels(XmlWriter xml)
    {
        const string Type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        xml.WriteStartElement("Relationships", PackageRelationships);
        for (var i = 0; i < _sheets.Count; i++)
        {
            Relationship(xml, $"rId{i + 1}", Type + "worksheet", $"worksheets/sheet{i + 1}.xml");
        }
        Relationship(xml, $"rId{_sheets.Count + 1}", Type + "styles", "styles.xml");
        Relationship(xml, $"rId{_sheets.Count + 2}", Type + "sharedStrings", "sharedStrings.xml");
        if (_vbaProject)
        {
            Relationship(xml, $"rId{_sheets.Count + 3}", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin");
        }
        xml.WriteEndElement();
    }

    static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship", PackageRelationships);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }

    void WriteStyles(XmlWriter xml)
    {
        xml.WriteStartElement("styleSheet", Main);
        var custom = _styles.Where(s => s.Id >= 164).ToList();
        if (custom.Count > 0)
        {
            xml.WriteStartElement("numFmts", Main);
            xml.WriteAttributeString("count", custom.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var (code, id) in custom)
            {
                xml.WriteStartElement("numFmt", Main);
                xml.WriteAttributeString("numFmtId", id.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("formatCode", code);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteStartElement("cellXfs", Main);
        xml.WriteAttributeString("count", _styles.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var (_, id) in _styles)
        {
            xml.WriteStartElement("xf", Main);
            xml.WriteAttributeString("numFmtId", id.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("applyNumberFormat", "1");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    void WriteSharedStrings(XmlWriter xml)
    {
        xml.WriteStartElement("sst", Main);
        xml.WriteAttributeString("uniqueCount", _sharedStrings.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var (text, runs) in _sharedStrings)
        {
            xml.WriteStartElement("si", Main);
            if (runs is null)
            {
                WriteText(xml, text);
            }
            else
            {
                foreach (var run in runs)
                {
                    xml.WriteStartElement("r", Main);
                    xml.WriteStartElement("rPr", Main);
                    xml.WriteElementString("b", Main, null);
                    xml.WriteEndElement();
                    WriteText(xml, run);
                    xml.WriteEndElement();
                }
                // A phonetic guide, as Japanese Excel adds: not part of the text.
                xml.WriteStartElement("rPh", Main);
                xml.WriteAttributeString("sb", "0");
                xml.WriteAttributeString("eb", "1");
                WriteText(xml, "furigana");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }

        static void WriteText(XmlWriter xml, string text)
        {
            xml.WriteStartElement("t", Main);
            xml.WriteAttributeString("xml", "space", null, "preserve");
            xml.WriteString(text);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>"A" for 0, "Z" for 25, "AA" for 26, … "XFD" for 16383.</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }
}

public sealed class XlsxSheet(string name)
{
    public string Name { get; } = name;

    internal SortedDictionary<int, SortedDictionary<int, object>> ExplicitRows { get; } = [];

    internal List<string> MergedRanges { get; } = [];

    internal string? DeclaredDimension { get; private set; }

    internal bool OmitsReferences { get; private set; }

    internal (int Count, Func<int, object?[]> Cells)? Generator { get; private set; }

    /// <summary>Cells from column A on; null leaves a cell out. Rows not given are missing from the sheet.</summary>
    public XlsxSheet Row(int number, params object?[] cells)
    {
        for (var c = 0; c < cells.Length; c++)
        {
            if (cells[c] is { } value)
            {
                Cell(number, c, value);
            }
        }
        if (!ExplicitRows.ContainsKey(number))
        {
            ExplicitRows[number] = [];
        }
        return this;
    }

    /// <summary>One cell by reference, e.g. "XFD7".</summary>
    public XlsxSheet Cell(string reference, object value)
    {
        var letters = reference.TakeWhile(char.IsAsciiLetter).Count();
        var column = 0;
        foreach (var letter in reference[..letters])
        {
            column = column * 26 + (char.ToUpperInvariant(letter) - 'A' + 1);
        }
        return Cell(int.Parse(reference[letters..], CultureInfo.InvariantCulture), column - 1, value);
    }

    XlsxSheet Cell(int row, int column, object value)
    {
        if (!ExplicitRows.TryGetValue(row, out var cells))
        {
            cells = [];
            ExplicitRows[row] = cells;
        }
        cells[column] = value;
        return this;
    }

    public XlsxSheet Merge(string range)
    {
        MergedRanges.Add(range);
        return this;
    }

    /// <summary>Writes rows and cells without r attributes, as some exporters do: each is where it falls in order.</summary>
    public XlsxSheet WithoutReferences()
    {
        OmitsReferences = true;
        return this;
    }

    public XlsxSheet Dimension(string reference)
    {
        DeclaredDimension = reference;
        return this;
    }

    /// <summary>
    /// <paramref name="count"/> rows after the explicit ones, each made by <paramref name="cells"/> (given 1, 2, …) as
    /// the file is written, so a million-row sheet never sits in memory. Plain strings still go to the shared string
    /// table, which is kept until the end; give <see cref="XlsxCell.Inline"/> cells where every row's text differs.
    /// </summary>
    public XlsxSheet GeneratedRows(int count, Func<int, object?[]> cells)
    {
        Generator = (count, cells);
        return this;
    }
}

/// <summary>A cell that a plain value cannot say: an inline string, a number with a format, an error, a styled blank.</summary>
public sealed record XlsxCell
{
    internal enum CellKind { Shared, Rich, Inline, FormulaText, IsoDate, Number, Boolean, Error, Blank }

    internal CellKind Kind { get; private init; }

    internal string? Text { get; private init; }

    internal IReadOnlyList<string>? Runs { get; private init; }

    internal string? Format { get; private init; }

    internal int? BuiltinFormatId { get; private init; }

    public static XlsxCell Inline(string text) => new() { Kind = CellKind.Inline, Text = text };

    /// <summary>A shared string written as rich-text runs (each in bold), with a phonetic guide after them.</summary>
    public static XlsxCell RichText(params string[] runs) => new() { Kind = CellKind.Rich, Runs = runs };

    /// <summary>A formula's cached string result (t="str").</summary>
    public static XlsxCell FormulaText(string text) => new() { Kind = CellKind.FormulaText, Text = text };

    /// <summary>A date written as ISO 8601 text (t="d"), as Strict-minded writers do.</summary>
    public static XlsxCell IsoDate(string text) => new() { Kind = CellKind.IsoDate, Text = text };

    public static XlsxCell Number(double value, string format) => new() { Kind = CellKind.Number, Text = Invariant(value), Format = format };

    /// <summary>A number styled with one of Excel's built-in formats, e.g. 14 (short date) or 49 (text).</summary>
    public static XlsxCell BuiltinFormat(double value, int numFmtId) =>
        new() { Kind = CellKind.Number, Text = Invariant(value), Format = "builtin:" + numFmtId.ToString(CultureInfo.InvariantCulture), BuiltinFormatId = numFmtId };

    /// <summary>An error value such as "#DIV/0!" or "#N/A".</summary>
    public static XlsxCell Error(string code) => new() { Kind = CellKind.Error, Text = code };

    /// <summary>A cell with a style and no value, as Excel leaves behind where someone formatted a range.</summary>
    public static XlsxCell StyledBlank { get; } = new() { Kind = CellKind.Blank, Format = "0.00" };

    internal static XlsxCell From(object value) => value switch
    {
        string text => new() { Kind = CellKind.Shared, Text = text },
        bool flag => new() { Kind = CellKind.Boolean, Text = flag ? "1" : "0" },
        DateTime date => new()
        {
            Kind = CellKind.Number,
            Text = Invariant(date.ToOADate()),
            Format = date.TimeOfDay == TimeSpan.Zero ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss",
        },
        double or float or int or long or decimal => new() { Kind = CellKind.Number, Text = Convert.ToString(value, CultureInfo.InvariantCulture) },
        _ => throw new ArgumentException($"No cell for a {value.GetType().Name}.", nameof(value)),
    };

    static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
