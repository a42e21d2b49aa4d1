namespace Ferry.Core.Sources;

/// <summary>Opens a stored upload as rows, whatever its format.</summary>
public interface ISourceOpener
{
    /// <summary>Streams the rows of one table: the chosen one, or the first that holds data.</summary>
    IRecordReader Open(string path, TableChoice? choice = null);

    /// <summary>Reads the whole file once per table: format, encoding, tables, profiles and previews.</summary>
    FileInspection Inspect(string path, InspectOptions? options = null);
}

/// <param name="HeaderRows">Header rows chosen by the user, by table name, instead of the detected ones.</param>
/// <param name="Encoding">For delimited text, the encoding chosen by the user (e.g. "windows-1250") instead of the detected one.</param>
public sealed record InspectOptions(int PreviewRows = 5, IReadOnlyDictionary<string, int>? HeaderRows = null, string? Encoding = null);
