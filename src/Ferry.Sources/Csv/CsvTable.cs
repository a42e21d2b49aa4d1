using Ferry.Sources.Tables;

namespace Ferry.Sources.Csv;

/// <summary>A delimited text file read as one table.</summary>
public static class CsvTable
{
    /// <param name="limits">A file with more columns is refused (<see cref="TableTooWideException"/>) before its rows are read.</param>
    public static GridRecordReader Open(string path, long? headerRow = null, string? encoding = null, SourceOptions? limits = null)
    {
        var maxColumns = (limits ?? new SourceOptions()).MaxColumns;
        var source = CsvRowSource.Open(path, encoding, maxColumns);
        return GridRecordReader.Open(source, null, headerRow, source.Delimiter, maxColumns);
    }
}
