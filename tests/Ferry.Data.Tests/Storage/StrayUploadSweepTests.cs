using Ferry.Data.Storage;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Tests.Fixtures;

namespace Ferry.Data.Tests.Storage;

public sealed class StrayUploadSweepTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string Stray(string folder, string name, TimeSpan age)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "Customer Name\r\nAcme\r\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
    }

    [Fact]
    public async Task Interrupted_replaced_and_orphaned_uploads_are_removed_and_held_or_fresh_ones_kept()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var jobId = await database.PrepareContactsJobAsync(database.Demo.Id, ContactsCsv.Build(3));
        var job = await database.JobAsync(jobId);
        var held = database.Uploads.PathOf(job.OrganizationId, jobId, job.StoredFileName!);
        File.SetLastWriteTimeUtc(held, DateTime.UtcNow.AddDays(-1));
        var jobFolder = Path.GetDirectoryName(held)!;
        var killed = Stray(jobFolder, "0193.upload.partial", TimeSpan.FromHours(1));
        var replaced = Stray(jobFolder, "0192.upload", TimeSpan.FromHours(1));
        var streaming = Stray(jobFolder, "0194.upload.partial", TimeSpan.FromSeconds(5));
        var deletedJob = Stray(Path.Combine(Path.GetDirectoryName(jobFolder)!, Guid.NewGuid().ToString("N")), "0191.upload", TimeSpan.FromDays(2));

        var removed = await StrayUploadSweep.RunAsync(database.Options, database.Storage, TimeProvider.System, Ct);

        Assert.Equal(3, removed);
        Assert.True(File.Exists(held));
        Assert.True(File.Exists(streaming));
        Assert.False(File.Exists(killed));
        Assert.False(File.Exists(replaced));
        Assert.False(Directory.Exists(Path.GetDirectoryName(deletedJob)));
    }
}
