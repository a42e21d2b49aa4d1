using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Core.Pipeline;
using Ferry.Data.Workflow;
using Ferry.Erp.Books;
using Ferry.Sources;

namespace Ferry.Cli;

static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The file to import: CSV or other delimited text, Excel (.xlsx, .xls), JSON or JSON Lines, or a Tally XML export" };
        var type = new Option<string>("--type")
        {
            Description = "Data type: contacts, products, ledgers, stock or company (default: what the file looks like); for a Tally export a comma-separated list that may include vouchers (default: everything in it)",
        };
        var source = new Option<string>("--source") { Description = "What the file is: auto, or tally to insist on a Tally export", DefaultValueFactory = _ => "auto" };
        var adjustmentLedger = new Option<string?>("--adjustment-ledger") { Description = $"Tally: the ledger that takes the difference in opening balances (default \"{BookOptions.DefaultAdjustmentLedger}\")" };
        var createMissing = new Option<bool>("--create-missing-masters")
        {
            Description = $"Tally: create ledgers and items that vouchers name but nobody imported, as placeholders under {BookOptions.SuspenseGroup}, instead of failing those vouchers",
        };
        var org = new Option<string>("--org") { Description = "Organization slug", DefaultValueFactory = _ => "demo" };
        var db = new Option<string?>("--db") { Description = "SQLite database file (default data/ferry.db)" };
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL connection string (instead of SQLite)" };
        var conflict = new Option<string>("--conflict") { Description = "What to do with records that already exist: skip, update or create_new", DefaultValueFactory = _ => "skip" };
        var batchSize = new Option<int>("--batch-size") { Description = "Records per committed batch", DefaultValueFactory = _ => 100 };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate everything and report what would happen; write nothing" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var sheet = new Option<string?>("--sheet") { Description = "The sheet or table to import (default: the first that looks like --type, else the first with data)" };
        var headerRow = new Option<int?>("--header-row") { Description = "The 1-based row holding the column names, when the detected one is wrong" };
        var encoding = new Option<string?>("--encoding") { Description = "Read delimited text in this encoding (e.g. windows-1250, iso-8859-2) instead of the detected one" };
        var limits = new SourceLimitOptions();
        var command = new Command("import", "Import a file into the ERP through a migration job")
        {
            file, type, source, org, db, connection, conflict, batchSize, dryRun, json, sheet, headerRow, encoding, adjustmentLedger, createMissing,
            limits.MaxColumns, limits.MaxTables,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(new ImportArguments(
            parse.GetValue(file)!, parse.GetValue(type), parse.GetValue(source)!, parse.GetValue(org)!, parse.GetValue(db), parse.GetValue(connection),
            parse.GetValue(conflict)!, parse.GetValue(batchSize), parse.GetValue(dryRun), parse.GetValue(json),
            parse.GetValue(sheet), parse.GetValue(headerRow), parse.GetValue(encoding), parse.GetValue(adjustmentLedger), parse.GetValue(createMissing),
            limits.From(parse)), cancellationToken));
        return command;
    }

    sealed record ImportArguments(
        FileInfo File, string? Type, string Source, string Org, string? Db, string? Connection, string Conflict, int BatchSize, bool DryRun, bool Json,
        string? Sheet, int? HeaderRow, string? Encoding, string? AdjustmentLedger, bool CreateMissingMasters, SourceOptions Limits);

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
            var isTally = FormatDetector.Detect(args.File.FullName) == FormatDetector.TallyXml;
            if (args.Source is not ("auto" or "tally"))
            {
                Console.Error.WriteLine($"ferry: --source must be auto or tally, not '{args.Source}'.");
                return ExitCodes.InvalidInput;
            }
            if (args.Source == "tally" && !isTally)
            {
                throw new FerryException(ErrorCodes.InvalidFileFormat,
                    $"{args.File.Name} is not a Tally XML export. In Tally, export with Format = XML (Data Interchange).");
            }
            var types = args.Type?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
            await using var session = await CliSession.OpenAsync(CliDatabase.From(args.Db, args.Connection) with { Sources = args.Limits }, args.Org, cancellationToken);
            var workflow = session.Workflow;
            var sha256 = await HashAsync(args.File, cancellationToken);
            var resumed = (args.Type is null && !isTally) || args.DryRun ? null : await session.FindUnfinishedAsync(sha256, types, cancellationToken);
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
                    new NewJob($"Import {args.File.Name}", $"ferry import {args.File.Name}", SourceTypeOf(args.File), types, strategy, args.BatchSize,
                        isTally ? new BookOptions { AdjustmentLedger = args.AdjustmentLedger ?? BookOptions.DefaultAdjustmentLedger, CreateMissingMasters = args.CreateMissingMasters } : null),
                    cancellationToken);
                await using (var content = args.File.OpenRead())
                {
                    (job, _) = await workflow.UploadAsync(job.Id, content, args.File.Name, null, cancellationToken);
                }
                if (args.Sheet is not null || args.HeaderRow is not null || args.Encoding is not null)
                {
                    job = await workflow.UpdateAsync(job.Id, new JobChanges(null, null, null, null, null, args.Sheet, args.HeaderRow, Encoding: args.Encoding), cancellationToken);
                }
                var mapping = await workflow.AutoMapAsync(job.Id, cancellationToken);
                Progress(args, isTally
                    ? $"job {job.Id}: {job.RecordsTotal:N0} masters and vouchers of {string.Join(", ", job.DataTypes)}"
                    : $"job {job.Id}: {job.RecordsTotal:N0} rows of {job.DataTypes.FirstOrDefault()}; mapped {string.Join(", ", mapping.Mappings.Select(m => $"{m.SourceField} → {m.TargetField}"))}");
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
            job.Id, job.Status, job.DataTypes.FirstOrDefault(), job.DataTypes, args.File.Name, resumed,
            job.RecordsTotal,
            report is null ? job.RecordsSucceeded : report.WouldInsert + report.WouldUpdate,
            report is null ? job.RecordsFailed : report.RecordsInvalid,
            report is null ? job.RecordsSkipped : report.WouldSkip,
            report is null ? job.RecordsInserted : report.WouldInsert,
            report is null ? job.RecordsUpdated : report.WouldUpdate,
            clock.ElapsedMilliseconds, job.LastError, report,
            report?.ByEntity is { } planned ? JsonSerializer.SerializeToElement(planned, JsonDocuments.Options) : JsonColumn(job.EntityCounts),
            JsonColumn(job.Reconciliation));
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
        IReadOnlyList<string> DataTypes,
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
        ValidationReport? Validation,
        JsonElement? ByEntity,
        JsonElement? Reconciliation);

    static JsonElement? JsonColumn(string? json)
    {
        if (json is null)
        {
            return null;
        }
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
