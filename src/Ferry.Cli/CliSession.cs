using Ferry.Core.Jobs;
using Ferry.Data;
using Ferry.Data.Runs;
using Ferry.Data.Seeding;
using Ferry.Data.Storage;
using Ferry.Data.Workflow;
using Ferry.Erp.Model;
using Ferry.Sources;
using Ferry.Sources.Tally;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ferry.Cli;

/// <summary>One command's view of Ferry: a migrated database, one organization, the workflow and a worker.</summary>
sealed class CliSession : IAsyncDisposable
{
    readonly CliDatabase _setup;
    readonly FerryDbContext _db;
    readonly JobWorker _worker;

    CliSession(CliDatabase setup, Organization organization)
    {
        _setup = setup;
        Organization = organization;
        _db = DataServiceCollectionExtensions.CreateContext(setup.Database, new TenantScope { OrganizationId = organization.Id });
        var uploads = new UploadStore(setup.Storage);
        var opener = new SourceOpener(setup.Sources);
        Workflow = new JobWorkflow(_db, uploads, opener, new TallyBookOpener(), setup.Database, setup.Worker);
        var queue = new JobQueue(setup.Database, setup.Worker, TimeProvider.System);
        var books = new BooksRun(setup.Database, queue, new TallyBookOpener(), uploads, setup.Worker);
        _worker = new JobWorker(queue, new ImportRun(setup.Database, queue, opener, books, uploads, setup.Worker),
            new RollbackRun(setup.Database, queue, setup.Worker), setup.Worker, NullLogger<JobWorker>.Instance);
    }

    public Organization Organization { get; }

    public JobWorkflow Workflow { get; }

    public static async Task<CliSession> OpenAsync(CliDatabase setup, string organizationSlug, CancellationToken cancellationToken)
    {
        var seeded = await DatabaseInitializer.InitializeAsync(setup.Database,
            Environment.GetEnvironmentVariable("FERRY_ADMIN_EMAIL"), Environment.GetEnvironmentVariable("FERRY_ADMIN_PASSWORD"), cancellationToken);
        if (seeded.GeneratedPassword is not null)
        {
            await Console.Error.WriteLineAsync($"ferry: created the demo organization; super admin {seeded.AdminEmail}, password {seeded.GeneratedPassword} (shown once)");
        }
        await using var db = DataServiceCollectionExtensions.CreateContext(setup.Database);
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Slug == organizationSlug, cancellationToken)
            ?? throw new ArgumentException($"There is no organization '{organizationSlug}'.");
        return new CliSession(setup, organization);
    }

    /// <summary>
    /// Runs queued work in this process until the job is finished; when another process (a running server) is the
    /// worker of this database, waits for it instead.
    /// </summary>
    public async Task<MigrationJob> RunToEndAsync(Guid jobId, Action<MigrationJob>? progress, CancellationToken cancellationToken)
    {
        using var reporter = progress is null ? null : new Timer(_ => Report(jobId, progress), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        if (_worker.TryBecomeSoleWorker(_setup.Database))
        {
            while (!JobTransitions.IsTerminal((await FindAsync(jobId, cancellationToken)).Status))
            {
                if (!await _worker.RunOnceAsync(cancellationToken))
                {
                    await Task.Delay(_setup.Worker.PollInterval, cancellationToken);
                }
            }
        }
        else
        {
            while (!JobTransitions.IsTerminal((await FindAsync(jobId, cancellationToken)).Status))
            {
                await Task.Delay(_setup.Worker.PollInterval, cancellationToken);
            }
        }
        return await FindAsync(jobId, cancellationToken);
    }

    /// <summary>The latest queued or running job of the same file and data types (any, when none are named), to resume.</summary>
    public async Task<MigrationJob?> FindUnfinishedAsync(string sha256, IReadOnlyList<string> dataTypes, CancellationToken cancellationToken) =>
        (await _db.Jobs.Where(j => j.FileSha256 == sha256 && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running))
            .OrderByDescending(j => j.CreatedAt).ToListAsync(cancellationToken))
        .FirstOrDefault(j => dataTypes.All(j.DataTypes.Contains));

    public async Task<MigrationJob> FindAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(_setup.Database, new TenantScope { OrganizationId = Organization.Id });
        return await db.Jobs.FirstAsync(j => j.Id == jobId, cancellationToken);
    }

    void Report(Guid jobId, Action<MigrationJob> progress)
    {
        try
        {
            progress(FindAsync(jobId, CancellationToken.None).GetAwaiter().GetResult());
        }
        catch (InvalidOperationException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _worker.Dispose();
        await _db.DisposeAsync();
    }
}
