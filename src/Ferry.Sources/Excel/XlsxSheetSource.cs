using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Ferry.Core.Sources;
using Ferry.Sources.Tables;

namespace Ferry.Sources.Excel;

/// <summary>
/// The rows of one .xlsx sheet, streamed from the sheet's XML one row at a time and turned into text as ExcelDataReader
/// turned them, with merged ranges filled and blank rows skipped. Shared strings are looked up in a table that does not
/// grow with the workbook (<see cref="SharedStrings"/>), so memory stays flat however large the file.
/// </summary>
sealed class XlsxSheetSource : IRowSource
{
    /// <summary>Excel's 1900 system counts a 29 February 1900 that never was; before it, serials are a day behind.</summary>
    const double NonexistentLeapDay = 60;

    /// <summary>Days from 1900-01-01 to 1904-01-02, what the 1904 date system leaves out.</summary>
    const double Date1904Offset = 1462;

    const double OADateMin = -657435;
    const double OADateMax = 2958466;

    readonly FileStream _file;
    readonly ZipArchive _zip;
    readonly Stream _part;
    readonly XmlReader _xml;
    SharedStrings? _strings;
    readonly CellFormats _formats;
    readonly bool _date1904;
    readonly MergedRanges _merges;
    readonly string _sheet;
    readonly List<(int Column, string Text)> _cells = [];
    readonly StringBuilder _inline = new();
    readonly string _row, _c, _v, _is, _sheetData;
    string?[] _texts;
    int _fieldCount;
    long _rowIndex;
    int _nextRow;
    int _parsedRow = -1;
    bool _parsed;
    bool _done;
    int _sheetDataDepth;

    XlsxSheetSource(FileStream file, ZipArchive zip, ZipArchiveEntry part, string sheet)
    {
        _file = file;
        _zip = zip;
        _sheet = sheet;
        _date1904 = OpenXmlPackage.UsesDate1904(zip);
        _formats = CellFormats.Read(OpenXmlPackage.WorkbookPart(zip, "styles", "xl/styles.xml"));
        using (var scan = part.Open())
        {
            _merges = new MergedRanges(SheetMerges.Scan(scan));
        }
        _texts = new string?[Math.Max(16, Math.Min(_merges.Widest, CellReference.MaxColumns))];
        _part = part.Open();
        _xml = XmlReader.Create(_part, OpenXmlText.Settings);
        _row = _xml.NameTable.Add("row");
        _c = _xml.NameTable.Add("c");
        _v = _xml.NameTable.Add("v");
        _is = _xml.NameTable.Add("is");
        _sheetData = _xml.NameTable.Add("sheetData");
        MoveIntoSheetData();
    }

    /// <summary>The shared string table, read when the first cell needs it: a sheet of numbers never pays for it.</summary>
    SharedStrings Strings => _strings ??= SharedStrings.Load(OpenXmlPackage.WorkbookPart(_zip, "sharedStrings", "xl/sharedStrings.xml"));

    /// <summary>Opens the sheet named exactly <paramref name="sheet"/>; damage surfaces as whatever the parsers throw.</summary>
    public static XlsxSheetSource Open(string path, string sheet)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        ZipArchive? zip = null;
        try
        {
            zip = OpenXmlPackage.Open(file);
            if (OpenXmlPackage.SheetPart(zip, sheet) is not { } part)
            {
                var names = OpenXmlPackage.SheetNames(zip);
                if (!names.Contains(sheet))
                {
                    throw new SourceFormatException(
                        $"The workbook has no sheet named '{sheet}'; its sheets are {string.Join(", ", names.Select(n => $"'{n}'"))}.");
                }
                throw new SourceFormatException($"The workbook lists sheet '{sheet}' but the sheet itself is missing from the file.");
            }
            return new XlsxSheetSource(file, zip, part, sheet);
        }
        catch
        {
            zip?.Dispose();
            file.Dispose();
            throw;
        }
    }

    public long RowIndex => _rowIndex;

    public int FieldCount => _fieldCount;

    public string? GetText(int column) => column >= 0 && column < _fieldCount ? _texts[column] : null;

    public bool Read()
    {
        try
        {
            while (true)
            {
                if (!_parsed)
                {
                    if (_done || !ParseRow())
                    {
                        _fieldCount = 0;
                        return false;
                    }
                    _parsed = true;
                }
                // Rows left out of the file are blank, unless a merged range from above reaches down through them.
                while (_nextRow < _parsedRow)
                {
                    if (_nextRow > _merges.LastRowFilled)
                    {
                        _nextRow = _parsedRow;
                        break;
                    }
                    if (Emit(_nextRow++, own: false))
                    {
                        return true;
                    }
                }
                _parsed = false;
                _nextRow = _parsedRow + 1;
                if (Emit(_parsedRow, own: true))
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (ExcelWorkbook.IsDamage(e))
        {
            throw ExcelWorkbook.Damaged(e, $"sheet '{_sheet}' near row {Math.Max(_rowIndex, 1)}");
        }
    }

    /// <returns>Whether row <paramref name="row"/> has anything in it, with or without the parsed cells.</returns>
    bool Emit(int row, bool own)
    {
        Array.Clear(_texts, 0, _fieldCount);
        var last = -1;
        if (own)
        {
            foreach (var (column, text) in _cells)
            {
                if (column >= _texts.Length)
                {
                    Array.Resize(ref _texts, Math.Min(Math.Max(column + 1, _texts.Length * 2), CellReference.MaxColumns));
                }
                _texts[column] = text;
                last = Math.Max(last, column);
            }
        }
        _fieldCount = Math.Max(last, _merges.Fill(row, _texts, _texts.Length)) + 1;
        _rowIndex = row + 1L;
        return _fieldCount > 0;
    }

    void MoveIntoSheetData()
    {
        while (_xml.Read())
        {
            if (_xml.NodeType == XmlNodeType.Element && (object)_xml.LocalName == _sheetData)
            {
                _sheetDataDepth = _xml.Depth;
                _done = _xml.IsEmptyElement;
                _xml.Read();
                return;
            }
        }
        _done = true;
    }

    /// <summary>Reads the next &lt;row&gt; into <see cref="_cells"/> and <see cref="_parsedRow"/>; false at the end of the sheet's data.</summary>
    bool ParseRow()
    {
        while (!_xml.EOF)
        {
            if (_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == _sheetDataDepth)
            {
                _done = true;
                return false;
            }
            if (_xml.NodeType != XmlNodeType.Element)
            {
                _xml.Read();
                continue;
            }
            if ((object)_xml.LocalName != _row)
            {
                _xml.Skip();
                continue;
            }
            _parsedRow = int.TryParse(_xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > _nextRow
                ? number - 1
                : Math.Max(_nextRow, _parsedRow + 1);
            _cells.Clear();
            if (_xml.IsEmptyElement)
            {
                _xml.Read();
                return true;
            }
            var depth = _xml.Depth;
            var nextColumn = 0;
            _xml.Read();
            while (!(_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth))
            {
                if (_xml.NodeType == XmlNodeType.Element && (object)_xml.LocalName == _c)
                {
                    nextColumn = ReadCell(nextColumn);
                }
                else if (_xml.NodeType == XmlNodeType.Element)
                {
                    _xml.Skip();
                }
                else if (!_xml.Read())
                {
                    throw new XmlException("The sheet's XML ends inside a row.");
                }
            }
            _xml.Read();
            return true;
        }
        throw new XmlException("The sheet's XML ends before its data does.");
    }

    /// <returns>The column a following cell without a reference is in.</returns>
    int ReadCell(int nextColumn)
    {
        var column = CellReference.Column(_xml.GetAttribute("r")) ?? nextColumn;
        var type = _xml.GetAttribute("t");
        var style = _xml.GetAttribute("s");
        if (_xml.IsEmptyElement)
        {
            _xml.Read();
            return column + 1;
        }
        var depth = _xml.Depth;
        string? raw = null;
        _xml.Read();
        while (!(_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth))
        {
            if (_xml.NodeType == XmlNodeType.Element && (object)_xml.LocalName == _v)
            {
                raw = Keep(_xml.ReadElementContentAsString(), raw);
            }
            else if (_xml.NodeType == XmlNodeType.Element && (object)_xml.LocalName == _is)
            {
                raw = Keep(OpenXmlText.ReadItem(_xml, _inline), raw);
            }
            else if (_xml.NodeType == XmlNodeType.Element)
            {
                _xml.Skip();
            }
            else if (!_xml.Read())
            {
                throw new XmlException("The sheet's XML ends inside a cell.");
            }
        }
        _xml.Read();
        if (raw is not null && column < CellReference.MaxColumns)
        {
            var format = _formats.Of(style);
            var value = Value(raw, type, format);
            if (CellText.Of(value, value is double ? format.Code : null) is { } text)
            {
                _cells.Add((column, text));
            }
        }
        return column + 1;
    }

    /// <summary>An empty value leaves the cell as it was; a later one replaces an earlier one.</summary>
    static string? Keep(string value, string? earlier) => value.Length == 0 ? earlier : value;

    object? Value(string raw, string? type, NumberFormat format)
    {
        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.Any, CultureInfo.InvariantCulture, out var index) ? Strings[index] : raw;
            case "inlineStr":
            case "str":
                return OpenXmlText.Unescaped(raw);
            case "b":
                return raw == "1";
            case "d":
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var date)
                    ? date
                    : raw;
            case "e":
                return null;
            default:
                return double.TryParse(raw, NumberStyles.Any, CultureInfo.InvariantCulture, out var number) ? Number(number, format) : raw;
        }
    }

    object Number(double number, NumberFormat format)
    {
        switch (format.Kind)
        {
            case NumberFormatKind.Date:
                var serial = _date1904 ? number + Date1904Offset : number is >= 0 and < NonexistentLeapDay ? number + 1 : number;
                return serial is > OADateMin and < OADateMax ? DateTime.FromOADate(serial) : number;
            case NumberFormatKind.Duration:
                return Math.Abs(number) < TimeSpan.MaxValue.TotalDays ? TimeSpan.FromDays(number) : number;
            default:
                return number;
        }
    }

    public void Dispose()
    {
        _xml.Dispose();
        _part.Dispose();
        _strings?.Dispose();
        _zip.Dispose();
        _file.Dispose();
    }
}
