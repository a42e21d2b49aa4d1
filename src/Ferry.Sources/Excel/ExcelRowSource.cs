using ExcelDataReader;
using Ferry.Sources.Tables;

namespace Ferry.Sources.Excel;

/// <summary>
/// The rows of one legacy .xls sheet as ExcelDataReader streams them, turned into text, with merged ranges filled and blank rows
/// skipped. Holds one row at a time.
/// </summary>
sealed class ExcelRowSource : IRowSource
{
    readonly Stream _file;
    readonly IExcelDataReader _reader;
    readonly MergedRanges _merges;
    readonly string _sheet;
    string?[] _texts = new string?[16];
    int _fieldCount;
    long _rowIndex;

    public ExcelRowSource(Stream file, IExcelDataReader reader, string sheet)
    {
        _file = file;
        _reader = reader;
        _sheet = sheet;
        _merges = new MergedRanges((reader.MergeCells ?? []).Select(r => new MergedRange(r.FromRow, r.FromColumn, r.ToRow, r.ToColumn)));
    }

    public long RowIndex => _rowIndex;

    public int FieldCount => _fieldCount;

    public string? GetText(int column) => column >= 0 && column < _fieldCount ? _texts[column] : null;

    public bool Read()
    {
        try
        {
            while (_reader.Read())
            {
                // ExcelDataReader yields an empty row for every row missing from the file, so its depth is the row
                // number even where rows are left out.
                _rowIndex = _reader.Depth + 1L;
                _fieldCount = ReadCells();
                if (_fieldCount > 0)
                {
                    return true;
                }
            }
            _fieldCount = 0;
            return false;
        }
        catch (Exception e) when (ExcelWorkbook.IsDamage(e))
        {
            throw ExcelWorkbook.Damaged(e, $"sheet '{_sheet}' near row {Math.Max(_rowIndex, 1)}");
        }
    }

    /// <returns>The count of cells up to the last non-blank one, merged cells included.</returns>
    int ReadCells()
    {
        // ExcelDataReader's field count is the widest row of the sheet; the row's own end is found here.
        var width = _reader.FieldCount;
        if (_texts.Length < width)
        {
            _texts = new string?[Math.Max(width, _texts.Length * 2)];
        }
        var last = -1;
        for (var column = 0; column < width; column++)
        {
            var value = _reader.GetValue(column);
            var text = value is null ? null : CellText.Of(value, value is double or int ? _reader.GetNumberFormatString(column) : null);
            _texts[column] = text;
            if (text is not null)
            {
                last = column;
            }
        }
        last = Math.Max(last, _merges.Fill((int)_rowIndex - 1, _texts, width));
        return last + 1;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _file.Dispose();
    }
}
