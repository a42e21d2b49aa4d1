using System.Globalization;
using Ferry.Core;
using Ferry.Core.Integrations;
using Ferry.Data;
using Ferry.Data.Workflow;
using Ferry.Sources.Tally.Live;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Server.Features.Integrations;

/// <summary>
/// The organization's Tally server: its settings, the companies it has open, and a sync that pulls masters and the day
/// book for a period into a migration job as if the user had uploaded the export.
/// </summary>
sealed class TallyConnector(FerryDbContext db, JobWorkflow workflow, IHttpClientFactory clients, IntegrationOptions options, IntegrationHostPolicy hosts)
{
    const string MaxSyncBytesSetting = $"{IntegrationOptions.SectionName}:{nameof(IntegrationOptions.Tally)}:{nameof(TallySyncOptions.MaxSyncBytes)}";

    public const string HttpClientName = "tally";

    public Task<IntegrationSetting?> SettingsAsync(CancellationToken cancellationToken) =>
        db.IntegrationSettings.AsTracking().FirstOrDefaultAsync(s => s.Integration == IntegrationSetting.Tally, cancellationToken);

    public async Task<IntegrationSetting> SaveAsync(Guid organizationId, long? userId, TallySettingsRequest request, CancellationToken cancellationToken)
    {
        var server = new TallyServer(request.Host?.Trim() ?? "", request.Port ?? TallyServer.DefaultPort, string.IsNullOrWhiteSpace(request.Company) ? null : request.Company.Trim()).Validate();
        await hosts.CheckAsync(server.Host, cancellationToken);
        var setting = await SettingsAsync(cancellationToken);
        if (setting is null)
        {
            setting = new IntegrationSetting { OrganizationId = organizationId, Integration = IntegrationSetting.Tally, Host = server.Host };
            db.IntegrationSettings.Add(setting);
        }
        setting.Host = server.Host;
        setting.Port = server.Port;
        setting.Company = server.Company;
        setting.UpdatedAt = DateTime.UtcNow;
        setting.UpdatedByUserId = userId;
        await db.SaveChangesAsync(cancellationToken);
        return setting;
    }

    public async Task<TallyConnectionResponse> TestAsync(CancellationToken cancellationToken)
    {
        var server = await ServerAsync(cancellationToken);
        var companies = await Client(server).ListCompaniesAsync(cancellationToken);
        return new TallyConnectionResponse($"{server.Host}:{server.Port}", companies, server.Company,
            server.Company is not null && companies.Any(c => string.Equals(c.Name, server.Company, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// Pulls the masters and the day book into temporary files, merges them as one export, and uploads that to the job.
    /// Each file stops at the sync limit (MIG002), and the job is left as it was.
    /// </summary>
    public async Task<MigrationJobUpload> SyncAsync(Guid jobId, TallySyncRequest request, CancellationToken cancellationToken)
    {
        var server = await ServerAsync(cancellationToken);
        var company = string.IsNullOrWhiteSpace(request.Company) ? server.Company : request.Company.Trim();
        if (company is null)
        {
            throw new FerryException(ErrorCodes.IntegrationInvalidConfiguration, "Name the Tally company to pull from: set it in the Tally settings or send company with the sync.") { Field = "company" };
        }
        if (request.FromDate is not { } from || request.ToDate is not { } to)
        {
            throw new FerryException(ErrorCodes.ValidationFailed, "from_date and to_date (yyyy-MM-dd) are required: the day book is pulled for that period.") { Field = "from_date" };
        }
        var job = await workflow.FindAsync(jobId, cancellationToken);
        Core.Jobs.JobTransitions.EnsureCanMove(job.Status, Core.Jobs.JobStatus.Uploaded, "sync Tally into");
        var client = Client(server);
        var folder = SpoolFolder();
        try
        {
            var masters = Path.Combine(folder.FullName, "masters.xml");
            var dayBook = Path.Combine(folder.FullName, "daybook.xml");
            var merged = Path.Combine(folder.FullName, "books.xml");
            await using (var file = Spool(masters, "All Masters answer", periodHelps: false))
            {
                await client.ExportMastersAsync(company, file, cancellationToken);
            }
            await using (var file = Spool(dayBook, "Day Book answer", periodHelps: true))
            {
                await client.ExportDayBookAsync(company, from, to, file, cancellationToken);
            }
            await using (var mastersIn = File.OpenRead(masters))
            await using (var dayBookIn = File.OpenRead(dayBook))
            await using (var output = Spool(merged, "export merged from the All Masters and Day Book answers", periodHelps: true))
            {
                TallySyncFile.Write(mastersIn, dayBookIn, output, cancellationToken);
            }
            await using var content = File.OpenRead(merged);
            var name = $"Tally {company} {from:yyyy-MM-dd} to {to:yyyy-MM-dd}.xml";
            var (uploaded, _) = await workflow.UploadAsync(jobId, content, name, null, cancellationToken);
            return new MigrationJobUpload(uploaded, new FileInfo(merged).Length);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    DirectoryInfo SpoolFolder() => string.IsNullOrWhiteSpace(options.Tally.SpoolFolder)
        ? Directory.CreateTempSubdirectory("ferry-tally-")
        : Directory.CreateDirectory(Path.Combine(options.Tally.SpoolFolder, $"ferry-tally-{Guid.NewGuid():N}"));

    CappedWriteStream Spool(string path, string what, bool periodHelps)
    {
        var limit = options.Tally.MaxSyncBytes;
        return new CappedWriteStream(File.Create(path), limit, () => new FerryException(
            ErrorCodes.FileTooLarge,
            string.Create(CultureInfo.InvariantCulture, $"The {what} from Tally is larger than the sync limit of {limit / (1024.0 * 1024.0):0.##} MB, so nothing was added to the job. ")
            + (periodHelps
                ? $"Sync a shorter period (from_date to to_date) and the rest in further jobs, or ask an administrator to raise {MaxSyncBytesSetting}."
                : $"Ask an administrator to raise {MaxSyncBytesSetting}.")));
    }

    async Task<TallyServer> ServerAsync(CancellationToken cancellationToken)
    {
        var setting = await SettingsAsync(cancellationToken)
            ?? throw new FerryException(ErrorCodes.IntegrationInvalidConfiguration,
                "Tally is not set up for this organization. Save its host and port (PUT /api/v1/integration-settings/tally) first.");
        return new TallyServer(setting.Host, setting.Port, setting.Company).Validate();
    }

    TallyClient Client(TallyServer server) => new(clients.CreateClient(HttpClientName), server);
}

public sealed record MigrationJobUpload(Core.Jobs.MigrationJob Job, long Bytes);
