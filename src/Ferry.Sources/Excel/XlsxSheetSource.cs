using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
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

    readonly XlsxWorkbook _workbook;
    readonly bool _ownsWorkbook;
    readonly Stream _part;
    readonly XmlReader _xml;
    readonly MergedRanges _merges;
    readonly string _sheet;
    readonly List<(int Column, string Text)> _cells = [];
    readonly StringBuilder _inline = new();
    readonly string _row, _c, _v, _is, _sheetData;
    string?[] _texts = new string?[16];
    int _fieldCount;
    int _readWidth = CellReference.MaxColumns;
    long _rowsOfTheirOwn;
    long _rowsOnlyMerged;
    long _rowIndex;
    int _nextRow;
    int _parsedRow = -1;
    bool _parsed;
    bool _done;
    int _sheetDataDepth;

    public XlsxSheetSource(XlsxWorkbook workbook, ZipArchiveEntry part, string sheet, bool ownsWorkbook)
    {
        _workbook = workbook;
        _ownsWorkbook = ownsWorkbook;
        _sheet = sheet;
        using (var scan = part.Open())
        {
            _merges = new MergedRanges(SheetMerges.Scan(scan));
        }
        _part = part.Open();
        _xml = XmlReader.Create(_part, OpenXmlText.Settings);
        _row = _xml.NameTable.Add("row");
        _c = _xml.NameTable.Add("c");
        _v = _xml.NameTable.Add("v");
        _is = _xml.NameTable.Add("is");
        _sheetData = _xml.NameTable.Add("sheetData");
        MoveIntoSheetData();
    }

    /// <summary>Opens the sheet named exactly <paramref name="sheet"/>; damage surfaces as whatever the parsers throw.</summary>
    public static XlsxSheetSource Open(string path, string sheet)
    {
        var workbook = XlsxWorkbook.Open(path);
        try
        {
            return workbook.OpenSheet(sheet, ownsWorkbook: true);
        }
        catch
        {
            workbook.Dispose();
            throw;
        }
    }

    public long RowIndex => _rowIndex;

    public int FieldCount => _fieldCount;

    public int ReadWidth
    {
        get => _readWidth;
        set => _readWidth = Math.Clamp(value, 0, CellReference.MaxColumns);
    }

    /// <summary>
    /// Whether a row with no value of its own, only text repeated down from a merged range, is read: while there are
    /// fewer of them than rows with values, so that a range reaching down a million rows costs no more than its file.
    /// </summary>
    bool MergedOnlyRowsLeft => _rowsOnlyMerged < _rowsOfTheirOwn;

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
                    if (_nextRow > _merges.LastRowFilled || !MergedOnlyRowsLeft)
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
        var width = _readWidth;
        var last = -1;
        if (own)
        {
            foreach (var (column, text) in _cells)
            {
                last = Math.Max(last, column);
                if (column < width)
                {
                    Reserve(column + 1);
                    _texts[column] = text;
                }
            }
        }
        Reserve(Math.Min(_merges.Widest, width));
        var reach = _merges.Fill(row, _texts, width);
        _fieldCount = Math.Min(Math.Max(last, reach) + 1, width);
        Reserve(_fieldCount);
        _rowIndex = row + 1L;
        if (_fieldCount == 0)
        {
            return false;
        }
        if (last >= 0)
        {
            _rowsOfTheirOwn++;
            return true;
        }
        if (MergedOnlyRowsLeft)
        {
            _rowsOnlyMerged++;
            return true;
        }
        return false;
    }

    void Reserve(int length)
    {
        if (length > _texts.Length)
        {
            Array.Resize(ref _texts, Math.Min(Math.Max(length, _texts.Length * 2), CellReference.MaxColumns));
        }
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
            var format = _workbook.Formats.Of(style);
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
                return int.TryParse(raw, NumberStyles.Any, CultureInfo.InvariantCulture, out var index) ? _workbook.Strings[index] : raw;
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
                var serial = _workbook.Date1904 ? number + Date1904Offset : number is >= 0 and < NonexistentLeapDay ? number + 1 : number;
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
        if (_ownsWorkbook)
        {
            _workbook.Dispose();
        }
    }
}
