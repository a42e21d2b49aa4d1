using Ferry.Core.Jobs;
using Ferry.Core.Sources;
using Ferry.Data.Runs;
using Ferry.Data.Seeding;
using Ferry.Data.Storage;
using Ferry.Data.Workflow;
using Ferry.Erp.Books;
using Ferry.Erp.Model;
using Ferry.Sources;
using Ferry.Sources.Tally;
using Ferry.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ferry.Data.Tests.Infrastructure;

/// <summary>
/// A migrated, seeded Ferry database of its own for one test — a SQLite file in a temporary folder, or a fresh
/// PostgreSQL database on the server named by FERRY_TEST_POSTGRES — with an upload folder beside it. Disposing
/// drops the database and deletes the folder.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    static readonly string[] Tenant = [FerryDbContext.TenantFilter];

    readonly PostgresDatabase? _postgres;

    TestDatabase(DatabaseOptions options, string folder, PostgresDatabase? postgres)
    {
        Options = options;
        Folder = folder;
        _postgres = postgres;
        Storage = new StorageOptions { UploadRoot = Path.Combine(folder, "uploads") };
        Uploads = new UploadStore(Storage);
    }

    public DatabaseOptions Options { get; }

    public string Folder { get; }

    public StorageOptions Storage { get; }

    public UploadStore Uploads { get; }

    /// <summary>Commits every batch on its own, so tests can say which batches a crash leaves behind.</summary>
    public WorkerOptions Worker { get; } = new() { CommitInterval = TimeSpan.Zero };

    /// <summary>The organization seeded on first start ("demo").</summary>
    public Organization Demo { get; private set; } = null!;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ferry-data-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        TestDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            database = new TestDatabase(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = Path.Combine(folder, "ferry.db") }, folder, null);
        }
        else
        {
            PostgresDatabase postgres;
            try
            {
                postgres = await PostgresDatabase.CreateAsync(Ct);
            }
            catch
            {
                Directory.Delete(folder, recursive: true);
                throw;
            }
            database = new TestDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = postgres.ConnectionString }, folder, postgres);
        }
        try
        {
            var seeded = await DatabaseInitializer.InitializeAsync(database.Options, "admin@demo.local", "correct horse battery staple", Ct);
            database.Demo = seeded.Organization;
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>A context that sees every organization's rows only through IgnoreQueryFilters, as workers do.</summary>
    public FerryDbContext System() => DataServiceCollectionExtensions.CreateContext(Options);

    public FerryDbContext For(Guid organizationId) =>
        DataServiceCollectionExtensions.CreateContext(Options, new TenantScope { OrganizationId = organizationId });

    public async Task<Organization> AddOrganizationAsync(string slug)
    {
        await using var db = System();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        return await OrganizationSeeder.EnsureOrganizationAsync(db, slug, slug + " Pvt Ltd", Ct);
    }

    /// <summary>Runs workflow steps on a fresh context scoped to the organization, as one API request would.</summary>
    public async Task<T> WorkflowAsync<T>(Guid organizationId, Func<JobWorkflow, Task<T>> step)
    {
        await using var db = For(organizationId);
        return await step(new JobWorkflow(db, Uploads, new SourceOpener(), new TallyBookOpener(), Options, Worker));
    }

    /// <summary>Creates a contacts job, uploads the file and maps its columns automatically.</summary>
    public async Task<Guid> PrepareContactsJobAsync(Guid organizationId, byte[] csv, ConflictStrategy strategy = ConflictStrategy.Skip, int batchSize = 50)
    {
        var job = await WorkflowAsync(organizationId, w => w.CreateAsync(organizationId, null,
            new NewJob("Contacts", null, SourceType.Csv, ["contacts"], strategy, batchSize), Ct));
        await WorkflowAsync(organizationId, async w =>
        {
            using var content = new MemoryStream(csv);
            return await w.UploadAsync(job.Id, content, "contacts.csv", null, Ct);
        });
        var mapping = await WorkflowAsync(organizationId, w => w.AutoMapAsync(job.Id, Ct));
        Assert.Empty(mapping.MissingRequiredFields);
        return job.Id;
    }

    /// <summary>Queues the job and lets a worker run everything queued until nothing is left.</summary>
    public async Task<MigrationJob> ImportAsync(Guid organizationId, byte[] csv, ConflictStrategy strategy = ConflictStrategy.Skip, int batchSize = 50)
    {
        var jobId = await PrepareContactsJobAsync(organizationId, csv, strategy, batchSize);
        await WorkflowAsync(organizationId, w => w.ExecuteAsync(jobId, Ct));
        await RunWorkerUntilIdleAsync();
        return await JobAsync(jobId);
    }

    public async Task<MigrationJob> RollbackAsync(Guid organizationId, Guid jobId)
    {
        await WorkflowAsync(organizationId, w => w.RollbackAsync(jobId, Ct));
        await RunWorkerUntilIdleAsync();
        return await JobAsync(jobId);
    }

    public JobQueue Queue(TimeProvider? time = null) => new(Options, Worker, time ?? TimeProvider.System);

    public ImportRun ImportRun(JobQueue queue, ISourceOpener? opener = null, IBookOpener? books = null) =>
        new(Options, queue, opener ?? new SourceOpener(), new BooksRun(Options, queue, books ?? new TallyBookOpener(), Uploads, Worker), Uploads, Worker);

    public JobWorker CreateWorker(JobQueue? queue = null, ISourceOpener? opener = null, IBookOpener? books = null)
    {
        queue ??= Queue();
        return new JobWorker(queue, ImportRun(queue, opener, books), new RollbackRun(Options, queue, Worker), Worker, NullLogger<JobWorker>.Instance);
    }

    public async Task RunWorkerUntilIdleAsync()
    {
        using var worker = CreateWorker();
        await worker.RunUntilIdleAsync(Ct);
    }

    public async Task<MigrationJob> JobAsync(Guid jobId)
    {
        await using var db = System();
        return await db.Jobs.IgnoreQueryFilters(Tenant).SingleAsync(j => j.Id == jobId, Ct);
    }

    public async Task<List<Contact>> ContactsAsync(Guid organizationId)
    {
        await using var db = System();
        return await db.Contacts.IgnoreQueryFilters(Tenant).Where(c => c.OrganizationId == organizationId).OrderBy(c => c.Id).ToListAsync(Ct);
    }

    public async Task<List<JobLogEntry>> LogsAsync(Guid jobId)
    {
        await using var db = System();
        return await db.JobLogs.IgnoreQueryFilters(Tenant).Where(l => l.JobId == jobId).OrderBy(l => l.Id).ToListAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (Options.Provider == DatabaseProvider.Sqlite)
        {
            using (var connection = new SqliteConnection(Options.SqliteConnectionString()))
            {
                SqliteConnection.ClearPool(connection);
            }
        }
        else if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
