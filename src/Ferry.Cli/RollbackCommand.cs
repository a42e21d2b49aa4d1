using System.CommandLine;
using System.Diagnostics;
using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Data;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Cli;

static class RollbackCommand
{
    public static Command Create()
    {
        var jobId = new Argument<Guid>("job-id") { Description = "The migration job to undo" };
        var db = new Option<string?>("--db") { Description = "SQLite database file (default data/ferry.db)" };
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL connection string (instead of SQLite)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("rollback", "Undo a migration: delete what it created, restore what it changed") { jobId, db, connection, json };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(jobId), CliDatabase.From(parse.GetValue(db), parse.GetValue(connection)), parse.GetValue(json), cancellationToken));
        return command;
    }

    static async Task<int> RunAsync(Guid jobId, CliDatabase setup, bool json, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            string slug;
            await using (var db = DataServiceCollectionExtensions.CreateContext(setup.Database))
            {
                await db.Database.MigrateAsync(cancellationToken);
                var organizationId = await db.Jobs.IgnoreQueryFilters([FerryDbContext.TenantFilter]).Where(j => j.Id == jobId)
                    .Select(j => (Guid?)j.OrganizationId).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new ArgumentException($"There is no migration job {jobId}.");
                slug = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Slug).FirstAsync(cancellationToken);
            }
            await using var session = await CliSession.OpenAsync(setup, slug, cancellationToken);
            // A rollback whose process died is still rolling_back: running the command again finishes it.
            if ((await session.FindAsync(jobId, cancellationToken)).Status != JobStatus.RollingBack)
            {
                await session.Workflow.RollbackAsync(jobId, cancellationToken);
            }
            var job = await session.RunToEndAsync(jobId, null, cancellationToken);
            if (json)
            {
                JsonOutput.Write(new RollbackResult(job.Id, job.Status, clock.ElapsedMilliseconds, job.LastError,
                    job.RollbackSummary is null ? null : System.Text.Json.JsonDocument.Parse(job.RollbackSummary).RootElement));
            }
            else
            {
                Console.WriteLine($"{job.Status.ToSnakeCase()} in {clock.Elapsed.TotalSeconds:0.0} s: {job.RollbackSummary ?? job.LastError}");
            }
            return job.Status == JobStatus.RolledBack ? ExitCodes.Success : ExitCodes.Failed;
        }
        catch (Exception e) when (ExitCodes.IsUserError(e))
        {
            return ExitCodes.Report(e);
        }
    }

    sealed record RollbackResult(Guid JobId, JobStatus Status, long DurationMs, string? Error, System.Text.Json.JsonElement? Summary);
}
