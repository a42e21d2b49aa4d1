using Ferry.Core.Sources;
using Ferry.Sources.Csv;

namespace Ferry.Sources;

/// <summary>Opens and inspects stored uploads, recognising the format by content rather than by file name.</summary>
public sealed class SourceOpener : ISourceOpener
{
    public IRecordReader Open(string path) => CsvRecordReader.Open(path);

    public FileInspection Inspect(string path, int previewRows = 5) => TableInspector.Inspect(CsvRecordReader.Open(path), "csv", previewRows);
}
