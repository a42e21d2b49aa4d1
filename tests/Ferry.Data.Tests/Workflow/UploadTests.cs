using System.Text;
using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Data.Workflow;
using Ferry.Tests.Fixtures;

namespace Ferry.Data.Tests.Workflow;

public sealed class UploadTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static byte[] BadFile(string kind) => kind switch
    {
        "empty" => [],
        "png image" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00],
        "binary with NUL bytes" => [0x43, 0x75, 0x73, 0x74, 0x00, 0x01, 0x02, 0x03, 0x2C, 0x00, 0xFF, 0x10, 0x0A, 0x00, 0x41, 0x42, 0x2C, 0x00],
        "ragged rows" => Encoding.UTF8.GetBytes(ContactsCsv.Header + "\r\nAcme Traders,a@acme.in,,9820000001,Pune,100\r\nBeta Stores,b@beta.in,,9820000002,Pune,200,unexpected,extra\r\n"),
        "header only" => Encoding.UTF8.GetBytes(ContactsCsv.Header + "\r\n"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    static async Task<Guid> DraftJobAsync(TestDatabase database) =>
        (await database.WorkflowAsync(database.Demo.Id, w => w.CreateAsync(database.Demo.Id, null,
            new NewJob("Contacts", null, SourceType.Csv, ["contacts"], ConflictStrategy.Skip), Ct))).Id;

    static Task<(MigrationJob Job, FileProfile Profile)> UploadAsync(TestDatabase database, Guid jobId, byte[] content, long? maxBytes = null) =>
        database.WorkflowAsync(database.Demo.Id, async w =>
        {
            using var stream = new MemoryStream(content);
            return await w.UploadAsync(jobId, stream, "contacts.csv", maxBytes, Ct);
        });

    static List<string> StoredFiles(TestDatabase database) => Directory.Exists(database.Storage.UploadRoot)
        ? [.. Directory.EnumerateFiles(database.Storage.UploadRoot, "*", SearchOption.AllDirectories)]
        : [];

    [Theory]
    [InlineData("empty")]
    [InlineData("png image")]
    [InlineData("binary with NUL bytes")]
    [InlineData("ragged rows")]
    [InlineData("header only")]
    public async Task A_file_that_cannot_be_read_is_refused_with_MIG001_and_leaves_nothing_behind(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var jobId = await DraftJobAsync(database);

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => UploadAsync(database, jobId, BadFile(kind)));

        Assert.Equal(ErrorCodes.InvalidFileFormat, error.ErrorCode);
        var job = await database.JobAsync(jobId);
        Assert.Equal(JobStatus.Draft, job.Status);
        Assert.Null(job.StoredFileName);
        Assert.Null(job.FileSha256);
        Assert.Null(job.FileProfile);
        Assert.Equal(0, job.RecordsTotal);
        Assert.Empty(StoredFiles(database));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_MIG002_and_leaves_nothing_behind()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var jobId = await DraftJobAsync(database);
        var csv = ContactsCsv.Build(200);

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => UploadAsync(database, jobId, csv, maxBytes: csv.Length - 1));

        Assert.Equal(ErrorCodes.FileTooLarge, error.ErrorCode);
        var job = await database.JobAsync(jobId);
        Assert.Equal(JobStatus.Draft, job.Status);
        Assert.Null(job.StoredFileName);
        Assert.Empty(StoredFiles(database));
    }

    [Fact]
    public async Task A_bad_replacement_upload_keeps_the_previous_file_and_profile()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var jobId = await DraftJobAsync(database);
        var (uploaded, profile) = await UploadAsync(database, jobId, ContactsCsv.Build(12));
        Assert.Equal(12, profile.Selected.RowCount);
        var stored = Assert.Single(StoredFiles(database));

        var error = await Assert.ThrowsAnyAsync<FerryException>(() => UploadAsync(database, jobId, BadFile("ragged rows")));

        Assert.Equal(ErrorCodes.InvalidFileFormat, error.ErrorCode);
        var job = await database.JobAsync(jobId);
        Assert.Equal(JobStatus.Uploaded, job.Status);
        Assert.Equal((uploaded.StoredFileName, uploaded.FileSha256, 12L), (job.StoredFileName, job.FileSha256, job.RecordsTotal));
        Assert.Equal(uploaded.FileProfile, job.FileProfile);
        Assert.Equal([stored], StoredFiles(database));
        Assert.Equal(ContactsCsv.Build(12), await File.ReadAllBytesAsync(stored, Ct));
    }
}
