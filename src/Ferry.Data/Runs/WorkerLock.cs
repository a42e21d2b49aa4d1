namespace Ferry.Data.Runs;

/// <summary>
/// One worker process per SQLite file: an exclusive lock on a file beside the database, released by the OS
/// when the process dies. Holding it proves every other lease on that database is orphaned.
/// </summary>
public sealed class WorkerLock : IDisposable
{
    readonly FileStream _stream;

    WorkerLock(FileStream stream) => _stream = stream;

    public static WorkerLock? TryAcquire(string databaseFile)
    {
        var path = databaseFile + ".worker-lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new WorkerLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
