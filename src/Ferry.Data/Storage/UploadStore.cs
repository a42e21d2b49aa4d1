using System.Security.Cryptography;
using Ferry.Core;

namespace Ferry.Data.Storage;

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public string UploadRoot { get; set; } = "data/uploads";

    /// <summary>Largest upload accepted over the API, in bytes (10 MB by default, as the spec says).</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;
}

public sealed record StoredUpload(string StoredName, long Size, string Sha256);

/// <summary>
/// Keeps uploaded files under generated names, one folder per organization and job, never under the
/// client's file name. Files are streamed to disk with their size capped and their SHA-256 computed on the way.
/// </summary>
public sealed class UploadStore(StorageOptions options)
{
    readonly string _root = Path.GetFullPath(options.UploadRoot);

    public async Task<StoredUpload> SaveAsync(Guid organizationId, Guid jobId, Stream content, long? maxBytes, CancellationToken cancellationToken)
    {
        var folder = FolderOf(organizationId, jobId);
        Directory.CreateDirectory(folder);
        var storedName = $"{Guid.CreateVersion7():N}.upload";
        var temporary = Path.Combine(folder, storedName + ".partial");
        long size = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (maxBytes is { } max && size > max)
                    {
                        throw new FerryException(ErrorCodes.FileTooLarge,
                            $"The file is larger than the limit of {max / (1024.0 * 1024.0):0.#} MB. Split it into smaller files or ask an administrator to raise Storage:MaxUploadBytes.");
                    }
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                await file.FlushAsync(cancellationToken);
            }
            File.Move(temporary, Path.Combine(folder, storedName));
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
        return new StoredUpload(storedName, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public string PathOf(Guid organizationId, Guid jobId, string storedName)
    {
        var path = Path.GetFullPath(Path.Combine(FolderOf(organizationId, jobId), storedName));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Stored file path escapes the upload root.");
        }
        return path;
    }

    public void Delete(Guid organizationId, Guid jobId, string storedName)
    {
        var path = PathOf(organizationId, jobId, storedName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    public void DeleteJobFolder(Guid organizationId, Guid jobId)
    {
        var folder = FolderOf(organizationId, jobId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Whether the upload folder can be written to, for the health check.</summary>
    public bool IsWritable()
    {
        try
        {
            Directory.CreateDirectory(_root);
            var probe = Path.Combine(_root, $".probe-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    string FolderOf(Guid organizationId, Guid jobId) =>
        Path.Combine(_root, organizationId.ToString("N"), jobId.ToString("N"));
}
