using Ferry.Data;
using Ferry.Data.Runs;

namespace Ferry.Server.Infrastructure;

/// <summary>Runs the job worker in the server process (roles all and worker).</summary>
sealed partial class WorkerService(JobWorker worker, DatabaseOptions database, ILogger<WorkerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!worker.TryBecomeSoleWorker(database))
        {
            LogNotWorker();
            return;
        }
        await worker.RunAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another Ferry process runs the jobs of this SQLite database; this one serves the API only")]
    partial void LogNotWorker();
}
