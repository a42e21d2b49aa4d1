using Microsoft.EntityFrameworkCore;

namespace Ferry.Data.Storage;

/// <summary>
/// Removes upload files that no job holds: half-written ".partial" files left by a process that was killed, files of
/// jobs that were deleted, and files a job replaced. Only files untouched for <see cref="MinimumAge"/> are removed, so
/// an upload still streaming in another process is left alone.
/// </summary>
public static class StrayUploadSweep
{
    public static readonly TimeSpan MinimumAge = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(DatabaseOptions database, StorageOptions storage, TimeProvider time, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(storage.UploadRoot);
        if (!Directory.Exists(root))
        {
            return 0;
        }
        var cutoff = time.GetUtcNow().UtcDateTime - MinimumAge;
        await using var db = DataServiceCollectionExtensions.CreateContext(database);
        var removed = 0;
        foreach (var organizationFolder in Directory.EnumerateDirectories(root))
        {
            var held = await HeldFilesAsync(db, Path.GetFileName(organizationFolder), cancellationToken);
            foreach (var jobFolder in Directory.EnumerateDirectories(organizationFolder))
            {
                var file = held.GetValueOrDefault(Path.GetFileName(jobFolder));
                foreach (var stored in Directory.EnumerateFiles(jobFolder))
                {
                    if (Path.GetFileName(stored) != file && File.GetLastWriteTimeUtc(stored) < cutoff)
                    {
                        File.Delete(stored);
                        removed++;
                    }
                }
                if (!Directory.EnumerateFileSystemEntries(jobFolder).Any())
                {
                    Directory.Delete(jobFolder);
                }
            }
        }
        return removed;
    }

    /// <summary>The stored file each live job of the organization holds, by the job's folder name.</summary>
    static async Task<Dictionary<string, string?>> HeldFilesAsync(FerryDbContext db, string organization, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(organization, "N", out var organizationId))
        {
            return [];
        }
        var jobs = await db.Jobs.IgnoreQueryFilters()
            .Where(j => j.OrganizationId == organizationId && j.DeletedAt == null)
            .Select(j => new { j.Id, j.StoredFileName })
            .ToListAsync(cancellationToken);
        return jobs.ToDictionary(j => j.Id.ToString("N"), j => j.StoredFileName, StringComparer.Ordinal);
    }
}
