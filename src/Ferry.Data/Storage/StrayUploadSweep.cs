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
            foreach (var jobFolder in Directory.EnumerateDirectories(organizationFolder))
            {
                var held = await HeldFileAsync(db, Path.GetFileName(organizationFolder), Path.GetFileName(jobFolder), cancellationToken);
                foreach (var file in Directory.EnumerateFiles(jobFolder))
                {
                    if (Path.GetFileName(file) != held && File.GetLastWriteTimeUtc(file) < cutoff)
                    {
                        File.Delete(file);
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

    /// <summary>The stored file name the job holds, or null when the folder names no live job.</summary>
    static async Task<string?> HeldFileAsync(FerryDbContext db, string organization, string job, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(organization, "N", out var organizationId) || !Guid.TryParseExact(job, "N", out var jobId))
        {
            return null;
        }
        return await db.Jobs.IgnoreQueryFilters()
            .Where(j => j.Id == jobId && j.OrganizationId == organizationId && j.DeletedAt == null)
            .Select(j => j.StoredFileName)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
