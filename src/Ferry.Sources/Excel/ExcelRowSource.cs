using ExcelDataReader;
using Ferry.Sources.Tables;

namespace Ferry.Sources.Excel;

/// <summary>
/// The rows of one legacy .xls sheet as ExcelDataReader streams them, turned into text, with merged ranges filled and blank rows
/// skipped. Holds one row at a time.
/// </summary>
sealed class ExcelRowSource : IRowSource
{
    readonly Stream? _ownedFile;
    readonly IExcelDataReader _reader;
    readonly MergedRanges _merges;
    readonly string _sheet;
    string?[] _texts = new string?[16];
    int _fieldCount;
    long _rowIndex;
    long _rowsOfTheirOwn;
    long _rowsOnlyMerged;

    /// <param name="reader">At the sheet; several sheets read one after the other share it.</param>
    /// <param name="ownedFile">The file the reader reads, when the reader is this sheet's alone: disposing of the rows disposes of both.</param>
    public ExcelRowSource(IExcelDataReader reader, string sheet, Stream? ownedFile)
    {
        _ownedFile = ownedFile;
        _reader = reader;
        _sheet = sheet;
        _merges = new MergedRanges((reader.MergeCells ?? []).Select(r => new MergedRange(r.FromRow, r.FromColumn, r.ToRow, r.ToColumn)));
    }

    public long RowIndex => _rowIndex;

    public int FieldCount => _fieldCount;

    public int ReadWidth { get; set; } = int.MaxValue;

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

    /// <returns>The count of cells up to the last non-blank one, merged cells included; 0 for a row filled only from
    /// a merged range above once such rows are as many as rows with values of their own.</returns>
    int ReadCells()
    {
        // ExcelDataReader's field count is the widest row of the sheet; the row's own end is found here.
        var width = _reader.FieldCount;
        var kept = Math.Min(width, ReadWidth);
        if (_texts.Length < kept)
        {
            _texts = new string?[Math.Max(kept, _texts.Length * 2)];
        }
        var last = -1;
        for (var column = 0; column < width; column++)
        {
            var value = _reader.GetValue(column);
            var text = value is null ? null : CellText.Of(value, value is double or int ? _reader.GetNumberFormatString(column) : null);
            if (column < kept)
            {
                _texts[column] = text;
            }
            if (text is not null)
            {
                last = column;
            }
        }
        var reach = _merges.Fill((int)_rowIndex - 1, _texts, kept);
        if (last >= 0)
        {
            _rowsOfTheirOwn++;
        }
        else if (reach >= 0 && _rowsOnlyMerged < _rowsOfTheirOwn)
        {
            _rowsOnlyMerged++;
        }
        else
        {
            return 0;
        }
        return Math.Min(Math.Max(last, reach) + 1, kept);
    }

    public void Dispose()
    {
        if (_ownedFile is not null)
        {
            _reader.Dispose();
            _ownedFile.Dispose();
        }
    }
}
