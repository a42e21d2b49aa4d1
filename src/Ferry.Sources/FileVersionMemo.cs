using System.Collections.Concurrent;

namespace Ferry.Sources;

/// <summary>
/// Remembers what a whole-file pass found, per version of a file (path, length, last write), so detection, inspection
/// and the import do not each read the file again. A pass that throws is not remembered.
/// </summary>
sealed class FileVersionMemo<T>
{
    const int Capacity = 64;

    readonly ConcurrentDictionary<(string Path, long Length, DateTime Modified), T> _found = new();

    public T GetOrAdd(string path, Func<T> pass)
    {
        var file = new FileInfo(path);
        var key = (file.FullName, file.Length, file.LastWriteTimeUtc);
        if (_found.TryGetValue(key, out var known))
        {
            return known;
        }
        var found = pass();
        if (_found.Count >= Capacity)
        {
            _found.Clear();
        }
        _found[key] = found;
        return found;
    }
}
