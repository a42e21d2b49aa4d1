using Ferry.Sources.Excel;
using Ferry.Sources.Tables;

namespace Ferry.Sources.Tests.Excel;

/// <summary>A sheet's rows as the row source gives them: the row number and the cell texts up to the row's end.</summary>
static class SheetRows
{
    public static List<(long Row, IReadOnlyList<string?> Cells)> ReadAll(string path, string sheet)
    {
        using var rows = ExcelWorkbook.OpenSheet(path, sheet);
        return ReadAll(rows);
    }

    public static List<(long Row, IReadOnlyList<string?> Cells)> ReadAll(IRowSource rows)
    {
        var all = new List<(long, IReadOnlyList<string?>)>();
        while (rows.Read())
        {
            all.Add((rows.RowIndex, Enumerable.Range(0, rows.FieldCount).Select(rows.GetText).ToArray()));
        }
        return all;
    }
}
