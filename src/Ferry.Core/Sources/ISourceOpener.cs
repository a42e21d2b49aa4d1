namespace Ferry.Core.Sources;

/// <summary>Opens a stored upload as rows, whatever its format.</summary>
public interface ISourceOpener
{
    IRecordReader Open(string path);

    FileInspection Inspect(string path, int previewRows = 5);
}
