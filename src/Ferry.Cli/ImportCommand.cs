using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Core.Pipeline;
using Ferry.Data.Workflow;
using Ferry.Sources;

namespace Ferry.Cli;

static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The file to import: CSV or other delimited text, Excel (.xlsx, .xls), JSON or JSON Lines" };
        var type = new Option<string>("--type") { Description = "Data type: contacts, products, ledgers, stock or company (default: what the file looks like)" };
        var org = new Option<string>("--org") { Description = "Organization slug", DefaultValueFactory = _ => "demo" };
        var db = new Option<string?>("--db") { Description = "SQLite database file (default data/ferry.db)" };
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL connection string (instead of SQLite)" };
        var conflict = new Option<string>("--conflict") { Description = "What to do with records that already exist: skip, update or create_new", DefaultValueFactory = _ => "skip" };
        var batchSize = new Option<int>("--batch-size") { Description = "Records per committed batch", DefaultValueFactory = _ => 100 };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate everything and report what would happen; write nothing" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var sheet = new Option<string?>("--sheet") { Description = "The sheet or table to import (default: the first that looks like --type, else the first with data)" };
        var headerRow = new Option<int?>("--header-row") { Description = "The 1-based row holding the column names, when the detected one is wrong" };
        var command = new Command("import", "Import a file into the ERP through a migration job")
        {
            file, type, org, db, connection, conflict, batchSize, dryRun, json, sheet, headerRow,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(new ImportArguments(
            parse.GetValue(file)!, parse.GetValue(type), parse.GetValue(org)!, parse.GetValue(db), parse.GetValue(connection),
            parse.GetValue(conflict)!, parse.GetValue(batchSize), parse.GetValue(dryRun), parse.GetValue(json),
            parse.GetValue(sheet), parse.GetValue(headerRow)), cancellationToken));
        return command;
    }

    sealed record ImportArguments(
        FileInfo File, string? Type, string Org, string? Db, string? Connection, string Conflict, int BatchSize, bool DryRun, bool Json,
        string? Sheet, int? HeaderRow);

    static async Task<int> RunAsync(ImportArguments args, CancellationToken cancellationToken)
    {
        if (!args.File.Exists)
        {
            Console.Error.WriteLine($"ferry: {args.File.FullName} does not exist.");
            return ExitCodes.InvalidInput;
        }
        if (!SnakeCaseNames.TryParse<ConflictStrategy>(args.Conflict, out var strategy))
        {
            Console.Error.WriteLine($"ferry: --conflict must be skip, update or create_new, not '{args.Conflict}'.");
            return ExitCodes.InvalidInput;
        }
        var clock = Stopwatch.StartNew();
        try
        {
            await using var session = await CliSession.OpenAsync(CliDatabase.From(args.Db, args.Connection), args.Org, cancellationToken);
            var workflow = session.Workflow;
            var sha256 = await HashAsync(args.File, cancellationToken);
            var resumed = args.Type is null || args.DryRun ? null : await session.FindUnfinishedAsync(sha256, args.Type, cancellationToken);
            MigrationJob job;
            ValidationReport? report = null;
            if (resumed is not null)
            {
                job = resumed;
                Progress(args, $"resuming job {job.Id} after row {job.Checkpoint:N0}");
            }
            else
            {
                job = await workflow.CreateAsync(session.Organization.Id, null,
                    new NewJob($"Import {args.File.Name}", $"ferry import {args.File.Name}", SourceTypeOf(args.File), args.Type is null ? [] : [args.Type], strategy, args.BatchSize),
                    cancellationToken);
                await using (var content = args.File.OpenRead())
                {
                    (job, _) = await workflow.UploadAsync(job.Id, content, args.File.Name, null, cancellationToken);
                }
                if (args.Sheet is not null || args.HeaderRow is not null)
                {
                    job = await workflow.UpdateAsync(job.Id, new JobChanges(null, null, null, null, null, args.Sheet, args.HeaderRow), cancellationToken);
                }
                var mapping = await workflow.AutoMapAsync(job.Id, cancellationToken);
                Progress(args, $"job {job.Id}: {job.RecordsTotal:N0} rows of {job.DataTypes.FirstOrDefault()}; mapped {string.Join(", ", mapping.Mappings.Select(m => $"{m.SourceField} → {m.TargetField}"))}");
                if (args.DryRun)
                {
                    report = await workflow.ValidateAsync(job.Id, cancellationToken);
                    job = await session.FindAsync(job.Id, cancellationToken);
                    return Finish(args, job, report, clock, resumed: false);
                }
                job = await workflow.ExecuteAsync(job.Id, cancellationToken);
            }
            job = await session.RunToEndAsync(job.Id, args.Json ? null : j => Progress(args,
                $"{j.Status.ToSnakeCase()}: {j.RecordsProcessed:N0}/{j.RecordsTotal:N0} ({j.RecordsInserted:N0} inserted, {j.RecordsFailed:N0} failed)"), cancellationToken);
            return Finish(args, job, report, clock, resumed is not null);
        }
        catch (Exception e) when (ExitCodes.IsUserError(e))
        {
            return ExitCodes.Report(e);
        }
    }

    static int Finish(ImportArguments args, MigrationJob job, ValidationReport? report, Stopwatch clock, bool resumed)
    {
        var result = new ImportResult(
            job.Id, job.Status, job.DataTypes.FirstOrDefault(), args.File.Name, resumed,
            job.RecordsTotal,
            report is null ? job.RecordsSucceeded : report.WouldInsert + report.WouldUpdate,
            report is null ? job.RecordsFailed : report.RecordsInvalid,
            report is null ? job.RecordsSkipped : report.WouldSkip,
            report is null ? job.RecordsInserted : report.WouldInsert,
            report is null ? job.RecordsUpdated : report.WouldUpdate,
            clock.ElapsedMilliseconds, job.LastError, report);
        if (args.Json)
        {
            JsonOutput.Write(result);
        }
        else
        {
            Console.WriteLine($"{job.Status.ToSnakeCase()}: {result.RecordsSucceeded:N0} imported, {result.RecordsSkipped:N0} skipped, {result.RecordsFailed:N0} failed of {result.RecordsTotal:N0} in {clock.Elapsed.TotalSeconds:0.0} s (job {job.Id})");
            if (job.LastError is not null)
            {
                Console.WriteLine(job.LastError);
            }
        }
        return job.Status switch
        {
            JobStatus.Completed or JobStatus.Validated => ExitCodes.Success,
            JobStatus.CompletedWithErrors => ExitCodes.CompletedWithErrors,
            _ => ExitCodes.Failed,
        };
    }

    static void Progress(ImportArguments args, string message)
    {
        if (!args.Json)
        {
            Console.Error.WriteLine(message);
        }
    }

    static SourceType SourceTypeOf(FileInfo file) => FormatDetector.Detect(file.FullName) switch
    {
        FormatDetector.Xlsx or FormatDetector.Xls => SourceType.Excel,
        FormatDetector.Json => SourceType.Json,
        FormatDetector.TallyXml => SourceType.Tally,
        _ => SourceType.Csv,
    };

    static async Task<string> HashAsync(FileInfo file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenRead();
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    sealed record ImportResult(
        Guid JobId,
        JobStatus Status,
        string? DataType,
        string File,
        bool Resumed,
        long RecordsTotal,
        long RecordsSucceeded,
        long RecordsFailed,
        long RecordsSkipped,
        long RecordsInserted,
        long RecordsUpdated,
        long DurationMs,
        string? Error,
        ValidationReport? Validation);
}
