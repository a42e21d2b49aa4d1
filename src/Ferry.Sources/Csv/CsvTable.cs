using Ferry.Sources.Tables;

namespace Ferry.Sources.Csv;

/// <summary>A delimited text file read as one table.</summary>
public static class CsvTable
{
    public static GridRecordReader Open(string path, long? headerRow = null, string? encoding = null)
    {
        var source = CsvRowSource.Open(path, encoding);
        return GridRecordReader.Open(source, null, headerRow, source.Delimiter);
    }
}
