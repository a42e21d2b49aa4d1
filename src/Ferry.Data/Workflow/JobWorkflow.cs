using Ferry.Core;
using Ferry.Core.Audit;
using Ferry.Core.Jobs;
using Ferry.Core.Mapping;
using Ferry.Core.Pipeline;
using Ferry.Core.Rules;
using Ferry.Core.Sources;
using Ferry.Data.Books;
using Ferry.Data.Import;
using Ferry.Data.Runs;
using Ferry.Data.Storage;
using Ferry.Erp.Books;
using Ferry.Erp.Schemas;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Data.Workflow;

/// <summary>
/// The steps of a guided migration — create, upload, map, validate, execute, cancel, roll back — shared by the API
/// and the command line. Works on a context scoped to one organization; every step checks the job state machine.
/// </summary>
public sealed class JobWorkflow(FerryDbContext db, UploadStore uploads, ISourceOpener opener, IBookOpener books, DatabaseOptions database, WorkerOptions options)
{
    public const int MaxBatchSize = 10_000;

    public async Task<MigrationJob> CreateAsync(Guid organizationId, long? userId, NewJob spec, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(spec.Name))
        {
            throw new FerryException(ErrorCodes.InvalidRequest, "name is required: give the migration a name you will recognise in the list.") { Field = "name" };
        }
        CheckDataTypes(spec.DataTypes);
        var now = DateTime.UtcNow;
        var job = new MigrationJob
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = organizationId,
            Name = spec.Name.Trim(),
            Description = spec.Description,
            SourceType = spec.SourceType,
            DataTypes = [.. spec.DataTypes],
            ConflictStrategy = spec.ConflictStrategy,
            Status = JobStatus.Draft,
            CreatedByUserId = userId,
            CreatedAt = now,
            UpdatedAt = now,
            BatchSize = CheckBatchSize(spec.BatchSize ?? 100),
            Options = spec.Options is null ? null : BookJobOptions.Write(spec.Options),
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return job;
    }

    public async Task<MigrationJob> FindAsync(Guid jobId, CancellationToken cancellationToken) =>
        await db.Jobs.AsTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken)
        ?? throw new NotFoundException($"Migration job {jobId} does not exist.");

    public async Task<MigrationJob> UpdateAsync(Guid jobId, JobChanges changes, CancellationToken cancellationToken)
    {
        var job = await FindAsync(jobId, cancellationToken);
        if (changes.Name is not null)
        {
            job.Name = string.IsNullOrWhiteSpace(changes.Name) ? throw new FerryException(ErrorCodes.InvalidRequest, "name cannot be empty.") { Field = "name" } : changes.Name.Trim();
        }
        if (changes.Description is not null)
        {
            job.Description = changes.Description;
        }
        var settingsChange = changes.DataTypes is not null || changes.ConflictStrategy is not null || changes.BatchSize is not null
            || changes.SourceTable is not null || changes.HeaderRow is not null || changes.AdjustmentLedger is not null || changes.CreateMissingMasters is not null
            || changes.Encoding is not null;
        if (settingsChange && job.Status > JobStatus.Validated)
        {
            throw new FerryException(ErrorCodes.InvalidJobState,
                $"Data types, conflict strategy, batch size and the table to import cannot change once the job is '{job.Status.ToSnakeCase()}'. Create a new job.");
        }
        if (changes.Encoding is not null)
        {
            await ChooseEncodingAsync(job, changes.Encoding, cancellationToken);
        }
        if (changes.SourceTable is not null || changes.HeaderRow is not null)
        {
            await ChooseTableAsync(job, changes.SourceTable, changes.HeaderRow, cancellationToken);
        }
        if (changes.DataTypes is not null)
        {
            CheckDataTypes(changes.DataTypes);
            if (!changes.DataTypes.SequenceEqual(job.DataTypes))
            {
                job.DataTypes = [.. changes.DataTypes];
                await ClearMappingsAsync(job, cancellationToken);
                if (job.Status > JobStatus.Uploaded)
                {
                    job.Status = JobStatus.Uploaded;
                }
            }
        }
        if (changes.ConflictStrategy is { } strategy)
        {
            job.ConflictStrategy = strategy;
            Invalidate(job);
        }
        if (changes.BatchSize is { } batchSize)
        {
            job.BatchSize = CheckBatchSize(batchSize);
        }
        if (changes.AdjustmentLedger is not null || changes.CreateMissingMasters is not null)
        {
            var current = BookJobOptions.Read(job.Options);
            job.Options = BookJobOptions.Write(current with
            {
                AdjustmentLedger = changes.AdjustmentLedger ?? current.AdjustmentLedger,
                CreateMissingMasters = changes.CreateMissingMasters ?? current.CreateMissingMasters,
            });
            Invalidate(job);
        }
        job.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return job;
    }

    /// <summary>Reads delimited text again in the encoding the user names, when the detected one was wrong.</summary>
    async Task ChooseEncodingAsync(MigrationJob job, string encoding, CancellationToken cancellationToken)
    {
        var profile = ProfileOf(job);
        if (profile.Delimiter is null)
        {
            throw new FerryException(ErrorCodes.ValidationFailed,
                $"An encoding can be chosen for delimited text only; this file is {profile.Format}, which says its own encoding.") { Field = "encoding" };
        }
        var inspection = opener.Inspect(uploads.PathOf(job.OrganizationId, job.Id, job.StoredFileName!), new InspectOptions(Encoding: encoding));
        inspection = inspection with { Tables = [.. inspection.Tables.Select(t => t with { SuggestedDataTypes = SuggestDataTypes(t) })] };
        var chosen = FileProfile.Of(inspection, inspection.Tables[0].Name) with { ChosenEncoding = encoding.Trim().ToLowerInvariant() };
        job.FileProfile = JsonDocuments.Serialize(chosen);
        job.RecordsTotal = chosen.Selected.RowCount;
        await ClearMappingsAsync(job, cancellationToken);
        if (job.Status > JobStatus.Uploaded)
        {
            job.Status = JobStatus.Uploaded;
        }
        Invalidate(job);
    }

    /// <summary>Switches the job to another table of its file, or reads the table again with the header at another row.</summary>
    async Task ChooseTableAsync(MigrationJob job, string? table, int? headerRow, CancellationToken cancellationToken)
    {
        var profile = ProfileOf(job);
        var name = table ?? profile.Table;
        var current = profile.Tables.FirstOrDefault(t => t.Name == name);
        if (headerRow is null && current is null)
        {
            throw new FerryException(ErrorCodes.ValidationFailed,
                $"The file has no table '{name}'. Tables: {string.Join(", ", profile.Tables.Select(t => t.Name))}.") { Field = "source_table" };
        }
        if (headerRow is { } row)
        {
            if (row < 1)
            {
                throw new FerryException(ErrorCodes.ValidationFailed, "header_row is the 1-based row that holds the column names.") { Field = "header_row" };
            }
            var inspection = opener.Inspect(uploads.PathOf(job.OrganizationId, job.Id, job.StoredFileName!),
                new InspectOptions(HeaderRows: new Dictionary<string, int>(StringComparer.Ordinal) { [name] = row }, Encoding: profile.ChosenEncoding));
            var reread = inspection.Tables.FirstOrDefault(t => t.Name == name)
                ?? throw new FerryException(ErrorCodes.ValidationFailed, $"The file has no table '{name}'.") { Field = "source_table" };
            current = reread with { SuggestedDataTypes = SuggestDataTypes(reread) };
            profile = profile with { Tables = [.. profile.Tables.Select(t => t.Name == name ? current : t)] };
        }
        if (current!.RowCount == 0)
        {
            throw new FerryException(ErrorCodes.ValidationFailed, $"The table '{name}' has no data rows under its header.") { Field = "source_table" };
        }
        job.FileProfile = JsonDocuments.Serialize(profile with { Table = name });
        job.RecordsTotal = current.RowCount;
        await ClearMappingsAsync(job, cancellationToken);
        if (job.Status > JobStatus.Uploaded)
        {
            job.Status = JobStatus.Uploaded;
        }
        Invalidate(job);
    }

    /// <summary>
    /// Deletes a job. A job whose rows are in the ERP is refused unless <paramref name="keepData"/> says to keep them:
    /// then the job leaves every list, its journal stays for retention, and the audit records who did it.
    /// </summary>
    public async Task DeleteAsync(Guid jobId, bool keepData, long? userId, CancellationToken cancellationToken)
    {
        var job = await FindAsync(jobId, cancellationToken);
        if (JobTransitions.IsActive(job.Status))
        {
            throw new FerryException(ErrorCodes.InvalidJobState, $"The job is '{job.Status.ToSnakeCase()}'; cancel it or wait until it has finished before deleting it.");
        }
        var inErp = await ErpProvenance.HasRowsOfAsync(db, job, cancellationToken);
        if (inErp && !keepData)
        {
            throw new FerryException(ErrorCodes.InvalidJobState,
                $"The rows this job imported are in the ERP. Roll back first (POST /api/v1/migration/jobs/{job.Id}/rollback), then delete it; or delete it with keep_data=true to keep its rows for good.");
        }
        if (inErp)
        {
            var now = DateTime.UtcNow;
            job.DeletedAt = now;
            job.UpdatedAt = now;
            db.AuditEntries.Add(new AuditEntry
            {
                OrganizationId = job.OrganizationId,
                UserId = userId,
                At = now,
                Action = "job_deleted_keeping_data",
                Subject = job.Id.ToString(),
                Details = $"Deleted migration '{job.Name}' ({job.Status.ToSnakeCase()}, {job.RecordsInserted} inserted, {job.RecordsUpdated} updated) and kept its rows in the ERP; its rollback journal is kept until retention removes it.",
            });
        }
        else
        {
            db.Jobs.Remove(job);
        }
        await db.SaveChangesAsync(cancellationToken);
        uploads.DeleteJobFolder(job.OrganizationId, job.Id);
    }

    /// <summary>Stores the file, reads it through once, and keeps what was found. A file that cannot be read changes nothing.</summary>
    public async Task<(MigrationJob Job, FileProfile Profile)> UploadAsync(Guid jobId, Stream content, string? fileName, long? maxBytes, CancellationToken cancellationToken)
    {
        var job = await FindAsync(jobId, cancellationToken);
        JobTransitions.EnsureCanMove(job.Status, JobStatus.Uploaded, "upload a file to");
        var stored = await uploads.SaveAsync(job.OrganizationId, job.Id, content, maxBytes, cancellationToken);
        FileInspection inspection;
        try
        {
            inspection = opener.Inspect(uploads.PathOf(job.OrganizationId, job.Id, stored.StoredName));
        }
        catch
        {
            uploads.Delete(job.OrganizationId, job.Id, stored.StoredName);
            throw;
        }
        inspection = inspection with { Tables = [.. inspection.Tables.Select(t => t with { SuggestedDataTypes = SuggestDataTypes(t) })] };
        var profile = FileProfile.Of(inspection, DefaultTable(inspection, job.DataTypes.FirstOrDefault()).Name);
        var suggestions = profile.Selected.SuggestedDataTypes;
        if (BookFormats.IsBook(inspection.Format))
        {
            try
            {
                profile = profile with { Books = BookSummary.Of(books.Open(uploads.PathOf(job.OrganizationId, job.Id, stored.StoredName), SafeFileName(fileName) ?? stored.StoredName, BookJobOptions.Read(job.Options))) };
            }
            catch
            {
                uploads.Delete(job.OrganizationId, job.Id, stored.StoredName);
                throw;
            }
        }

        var previous = job.StoredFileName;
        job.FileName = SafeFileName(fileName);
        job.StoredFileName = stored.StoredName;
        job.FileSize = stored.Size;
        job.FileSha256 = stored.Sha256;
        job.UploadedAt = DateTime.UtcNow;
        job.FileProfile = JsonDocuments.Serialize(profile);
        job.RecordsTotal = profile.Books?.Entries ?? profile.Selected.RowCount;
        job.ValidationReport = null;
        job.ValidatedAt = null;
        if (profile.Books is { } summary)
        {
            job.SourceType = SourceType.Tally;
            if (job.DataTypes.Count == 0)
            {
                job.DataTypes = [.. BookDataTypes.Present(summary.Entities)];
            }
        }
        else if (job.DataTypes.Count == 0 && suggestions.FirstOrDefault(s => ErpSchemas.All.Any(e => e.DataType == s.DataType)) is { } importable)
        {
            job.DataTypes = [importable.DataType];
        }
        await ClearMappingsAsync(job, cancellationToken);
        job.Status = JobStatus.Uploaded;
        job.UpdatedAt = DateTime.UtcNow;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another upload to this job was saved since this one read the job: that one stays, this file goes.
            uploads.Delete(job.OrganizationId, job.Id, stored.StoredName);
            throw new FerryException(ErrorCodes.ConcurrentMigration,
                "Another upload to this job finished while this one was being read; the job keeps that file. Reload the job, and upload again if this was the file you meant.");
        }
        catch
        {
            uploads.Delete(job.OrganizationId, job.Id, stored.StoredName);
            throw;
        }
        if (previous is not null)
        {
            uploads.Delete(job.OrganizationId, job.Id, previous);
        }
        return (job, profile);
    }

    public async Task<AutoMappingResult> AutoMapAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await FindAsync(jobId, cancellationToken);
        JobTransitions.EnsureCanMove(job.Status, JobStatus.Mapped, "map the fields of");
        if (IsBooks(job))
        {
            job.Status = JobStatus.Mapped;
            Invalidate(job);
            await db.SaveChangesAsync(cancellationToken);
            return new AutoMappingResult([], [], [], []);
        }
        var table = ProfileOf(job).Selected;
        var schema = SchemaOf(job);
        var samples = table.ColumnProfiles.ToDictionary(c => c.Name, c => c.SampleValues, StringComparer.Ordinal);
        var suggestions = MappingSuggester.Suggest(schema.Fields, table.Columns, samples);

        var existing = await MappingsQuery(job.Id).AsTracking().ToListAsync(cancellationToken);
        var manual = existing.Where(m => m.Origin == "manual").ToList();
        db.FieldMappings.RemoveRange(existing.Where(m => m.Origin == "auto"));
        var position = manual.Count == 0 ? 0 : manual.Max(m => m.Position) + 1;
        foreach (var suggestion in suggestions)
        {
            if (manual.Any(m => m.TargetField == suggestion.TargetField || m.SourceField == suggestion.SourceField))
            {
                continue;
            }
            db.FieldMappings.Add(new JobFieldMapping
            {
                Id = Guid.CreateVersion7(),
                OrganizationId = job.OrganizationId,
                JobId = job.Id,
                Position = position++,
                SourceField = suggestion.SourceField,
                TargetField = suggestion.TargetField,
                FieldType = schema.Fields.First(f => f.Name == suggestion.TargetField).Type.ToSnakeCase(),
                Confidence = suggestion.Confidence,
                Origin = "auto",
                Reason = suggestion.Reason,
            });
        }
        job.Status = JobStatus.Mapped;
        Invalidate(job);
        await db.SaveChangesAsync(cancellationToken);
        var mappings = await MappingsQuery(job.Id).ToListAsync(cancellationToken);
        var mappedColumns = mappings.Select(m => m.SourceField).ToHashSet(StringComparer.Ordinal);
        var mappedFields = mappings.Select(m => m.TargetField).ToHashSet(StringComparer.Ordinal);
        return new AutoMappingResult(
            mappings,
            [.. table.Columns.Where(c => !mappedColumns.Contains(c))],
            [.. schema.Fields.Where(f => f.Required && !mappedFields.Contains(f.Name)).Select(f => f.Name)],
            suggestions);
    }

    public async Task<IReadOnlyList<JobFieldMapping>> MappingsAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await FindAsync(jobId, cancellationToken);
        return await MappingsQuery(job.Id).ToListAsync(cancellationToken);
    }

    public async Task<JobFieldMapping> AddMappingAsync(Guid jobId, MappingSpec spec, CancellationToken cancellationToken)
    {
        var job = await FindAsync(jobId, cancellationToken);
        JobTransitions.EnsureCanMove(job.Status, JobStatus.Mapped, "change the mappings of");
        var mappings = await MappingsQuery(job.Id).AsTracking().ToListAsync(cancellationToken);
        CheckMapping(job, spec);
        if (mappings.FirstOrDefault(m => m.TargetField == spec.TargetField) is { } replaced)
        {
            db.FieldMappings.Remove(replaced);
        }
        var mapping = new JobFieldMapping
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = job.OrganizationId,
            JobId = job.Id,
            Position = mappings.Count == 0 ? 0 : mappings.Max(m => m.Position) + 1,
            TargetField = spec.TargetField,
            Origin = "manual",
        };
        Apply(mapping, spec);
        db.FieldMappings.Add(mapping);
        job.Status = JobStatus.Mapped;
        Invalidate(job);
        await db.SaveChangesAsync(cancellationToken);
        return mapping;
    }

    public async Task<JobFieldMapping> UpdateMappingAsync(Guid mappingId, MappingSpec spec, CancellationToken cancellationToken)
    {
        var mapping = await db.FieldMappings.AsTracking().FirstOrDefaultAsync(m => m.Id == mappingId, cancellationToken)
            ?? throw new NotFoundException($"Mapping {mappingId} does not exist.");
        var job = await FindAsync(mapping.JobId, cancellationToken);
        JobTransitions.EnsureCanMove(job.Status, JobStatus.Mapped, "change the mappings of");
        CheckMapping(job, spec);
        if (spec.TargetField != mapping.TargetField
            && await MappingsQuery(job.Id).AnyAsync(m => m.TargetField == spec.TargetField && m.Id != mapping.Id, cancellationToken))
        {
            throw new FerryException(ErrorCodes.MappingInvalid, $"'{spec.TargetField}' already has a mapping; change or delete that one instead.") { Field = spec.TargetField };
        }
        mapping.TargetField = spec.TargetField;
        Apply(mapping, spec);
        mapping.Origin = "manual";
        mapping.Confidence = null;
        mapping.Reason = null;
        job.Status = JobStatus.Mapped;
        Invalidate(job);
        await db.SaveChangesAsync(cancellationToken);
        return mapping;
    }

    public async Task DeleteMappingAsync(Guid mappingId, CancellationToken cancellationToken)
    {
        var mapping = await db.FieldMappings.AsTracking().FirstOrDefaultAsync(m => m.Id == mappingId, cancellationToken)
            ?? throw new NotFoundException($"Mapping {mappingId} does not exist.");
        var job = await FindAsync(mapping.JobId, cancellationToken);
        JobTransitions.EnsureCanMove(job.Status, JobStatus.Mapped, "change the mappings of");
        db.FieldMappings.Remove(mapping);
        job.Status = JobStatus.Mapped;
        Invalidate(job);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A dry run of the whole import: every row is read, mapped, validated and written inside a transaction that is
    /// rolled back, so the report predicts exactly what execution will do.
    /// </summary>
    public async Task<ValidationReport> ValidateAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await FindAsync(jobId, cancellationToken);
        JobTransitions.EnsureCanMove(job.Status, JobStatus.Validated, "validate");
        var report = await DryRunAsync(job, cancellationToken);
        job.ValidationReport = JsonDocuments.Serialize(report);
        job.ValidatedAt = DateTime.UtcNow;
        job.Status = JobStatus.Validated;
        job.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    public async Task<ValidationReport> DryRunAsync(MigrationJob job, CancellationToken cancellationToken)
    {
        if (IsBooks(job))
        {
            return await DryRunBooksAsync(job, cancellationToken);
        }
        var schema = SchemaOf(job);
        var mappings = (await MappingsQuery(job.Id).ToListAsync(cancellationToken)).Select(m => m.ToFieldMapping()).ToList();
        var profile = ProfileOf(job);
        using var reader = opener.Open(uploads.PathOf(job.OrganizationId, job.Id, job.StoredFileName!), profile.Choice);
        var mapper = RecordMapper.Create(schema, reader.Columns, mappings, profile.Readings);
        var report = new ValidationReport();
        await using var context = DataServiceCollectionExtensions.CreateContext(database);
        await using (var sink = new ImportBatchSink(context, schema, mapper,
            new ImportContext(job.Id, job.OrganizationId, job.Epoch, job.ConflictStrategy, 0, options.LeaseDuration, options.CommitInterval), report))
        {
            await new ImportPipeline(mapper, job.BatchSize).RunAsync(reader, 0, sink, cancellationToken);
        }
        return report;
    }

    async Task<ValidationReport> DryRunBooksAsync(MigrationJob job, CancellationToken cancellationToken)
    {
        var bookOptions = BookJobOptions.Read(job.Options);
        var book = books.Open(uploads.PathOf(job.OrganizationId, job.Id, job.StoredFileName!), job.FileName ?? job.StoredFileName!, bookOptions);
        var report = new ValidationReport();
        await using var context = DataServiceCollectionExtensions.CreateContext(database);
        await using var writer = await BookWriter.CreateAsync(context,
            new ImportContext(job.Id, job.OrganizationId, job.Epoch, job.ConflictStrategy, 0, options.LeaseDuration, options.CommitInterval), bookOptions,
            null, report, cancellationToken);
        foreach (var batch in BooksRun.Batches(book, 0, job.BatchSize, job.DataTypes))
        {
            await writer.WriteAsync(batch, cancellationToken);
        }
        return report;
    }

    /// <summary>
    /// Queues the job for a worker once its mapping holds together (MIG003, MIG010); records are validated again as
    /// they are written, so validating first is a preview, not a gate. One migration at a time runs per organization (MIG008).
    /// </summary>
    public async Task<MigrationJob> ExecuteAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await FindAsync(jobId, cancellationToken);
        JobTransitions.EnsureCanMove(job.Status, JobStatus.Queued, "execute");
        if (job.Status != JobStatus.Failed && !IsBooks(job))
        {
            var mappings = (await MappingsQuery(job.Id).ToListAsync(cancellationToken)).Select(m => m.ToFieldMapping()).ToList();
            RecordMapper.Create(SchemaOf(job), ProfileOf(job).Selected.Columns, mappings);
        }
        await EnsureNoActiveJobAsync(job, cancellationToken);
        var resume = job.Status == JobStatus.Failed;
        var now = DateTime.UtcNow;
        job.Status = JobStatus.Queued;
        job.QueuedAt = now;
        job.UpdatedAt = now;
        job.Attempts = 0;
        job.LastError = null;
        job.FinishedAt = null;
        if (!resume)
        {
            job.Checkpoint = 0;
            job.RecordsProcessed = job.RecordsInserted = job.RecordsUpdated = job.RecordsSkipped = job.RecordsFailed = 0;
        }
        await SaveActiveAsync(cancellationToken);
        return job;
    }

    public async Task<MigrationJob> RollbackAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await FindAsync(jobId, cancellationToken);
        JobTransitions.EnsureCanMove(job.Status, JobStatus.RollingBack, "roll back");
        var now = DateTime.UtcNow;
        if (job.FinishedAt is { } finished && now - finished > options.RollbackWindow)
        {
            throw new FerryException(ErrorCodes.RollbackExpired,
                $"The migration finished on {finished:yyyy-MM-dd HH:mm} UTC; rollback is possible for {options.RollbackWindow.TotalDays:0} days after a migration finishes.");
        }
        await EnsureNoActiveJobAsync(job, cancellationToken);
        job.Status = JobStatus.RollingBack;
        job.QueuedAt = now;
        job.UpdatedAt = now;
        job.Attempts = 0;
        job.LastError = null;
        job.RollbackCheckpoint = 0;
        job.LeaseOwner = null;
        job.LeaseExpiresAt = null;
        await SaveActiveAsync(cancellationToken);
        return job;
    }

    /// <summary>Cancels a job that has not run yet, or asks the worker to stop after its current batch.</summary>
    public async Task<MigrationJob> CancelAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await FindAsync(jobId, cancellationToken);
        if (job.Status == JobStatus.Running)
        {
            job.CancelRequested = true;
        }
        else
        {
            JobTransitions.EnsureCanMove(job.Status, JobStatus.Cancelled, "cancel");
            job.Status = JobStatus.Cancelled;
            job.FinishedAt = DateTime.UtcNow;
        }
        job.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return job;
    }

    /// <summary>Whether the job's file holds whole books (a Tally export) rather than one table.</summary>
    public static bool IsBooks(MigrationJob job) => job.FileProfile is not null && BookFormats.IsBook(ProfileOf(job).Format);

    public static FileProfile ProfileOf(MigrationJob job) =>
        JsonDocuments.Deserialize<FileProfile>(job.FileProfile)
        ?? throw new FerryException(ErrorCodes.InvalidJobState, "Upload a file first.");

    public static ErpSchema SchemaOf(MigrationJob job) => job.DataTypes.Count switch
    {
        0 => throw new FerryException(ErrorCodes.MappingInvalid, "The job has no data type; set data_types (e.g. [\"contacts\"]) with PUT on the job."),
        1 => ErpSchemas.Get(job.DataTypes[0]),
        _ => throw new FerryException(ErrorCodes.MappingInvalid,
            $"A table file holds one data type, but the job names {job.DataTypes.Count}: {string.Join(", ", job.DataTypes)}. Keep one."),
    };

    IQueryable<JobFieldMapping> MappingsQuery(Guid jobId) => db.FieldMappings.Where(m => m.JobId == jobId).OrderBy(m => m.Position);

    async Task EnsureNoActiveJobAsync(MigrationJob job, CancellationToken cancellationToken)
    {
        var active = await db.Jobs
            .Where(j => j.Id != job.Id && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running || j.Status == JobStatus.RollingBack))
            .Select(j => new { j.Id, j.Name, j.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (active is not null)
        {
            throw ConcurrentMigration(active.Name, active.Id, active.Status);
        }
    }

    async Task SaveActiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw ConcurrentMigration("another job", null, JobStatus.Running);
        }
    }

    static FerryException ConcurrentMigration(string name, Guid? id, JobStatus status) => new(ErrorCodes.ConcurrentMigration,
        $"'{name}'{(id is null ? "" : $" ({id})")} is {status.ToSnakeCase()}; an organization runs one migration at a time. Wait for it to finish or cancel it.");

    async Task ClearMappingsAsync(MigrationJob job, CancellationToken cancellationToken)
    {
        var mappings = await MappingsQuery(job.Id).AsTracking().ToListAsync(cancellationToken);
        db.FieldMappings.RemoveRange(mappings);
        job.ValidationReport = null;
        job.ValidatedAt = null;
    }

    static void Invalidate(MigrationJob job)
    {
        if (job.Status == JobStatus.Validated)
        {
            job.Status = JobStatus.Mapped;
        }
        job.ValidationReport = null;
        job.ValidatedAt = null;
        job.UpdatedAt = DateTime.UtcNow;
    }

    static void CheckMapping(MigrationJob job, MappingSpec spec)
    {
        var schema = SchemaOf(job);
        if (schema.Fields.All(f => f.Name != spec.TargetField))
        {
            throw new FerryException(ErrorCodes.MappingInvalid,
                $"'{spec.TargetField}' is not a field of {schema.DataType}. Fields: {string.Join(", ", schema.Fields.Select(f => f.Name))}.") { Field = spec.TargetField };
        }
        if (string.IsNullOrEmpty(spec.SourceField) && spec.DefaultValue is null)
        {
            throw new FerryException(ErrorCodes.MappingInvalid, $"The mapping for '{spec.TargetField}' needs a source_field or a default_value.") { Field = spec.TargetField };
        }
        var columns = ProfileOf(job).Selected.Columns;
        if (!string.IsNullOrEmpty(spec.SourceField) && !columns.Contains(spec.SourceField, StringComparer.OrdinalIgnoreCase))
        {
            var listed = string.Join(", ", columns.Take(20).Select(c => Echo.Of(c)));
            throw new FerryException(ErrorCodes.MappingInvalid,
                $"The file has no column '{spec.SourceField}'. Columns: {listed}{(columns.Count > 20 ? $" and {columns.Count - 20} more (see the job's profile)" : "")}.") { Field = spec.TargetField };
        }
        if (spec.FieldType is not null && !SnakeCaseNames.TryParse<FieldType>(spec.FieldType, out _))
        {
            throw new FerryException(ErrorCodes.MappingInvalid,
                $"'{Echo.Of(spec.FieldType)}' is not a field type. Use one of: {string.Join(", ", Enum.GetValues<FieldType>().Select(t => t.ToSnakeCase()))}.") { Field = "field_type" };
        }
        RuleParser.ParseTransforms(spec.TransformationRule);
        RuleParser.ParseValidations(spec.ValidationRule);
    }

    static void Apply(JobFieldMapping mapping, MappingSpec spec)
    {
        mapping.SourceField = string.IsNullOrEmpty(spec.SourceField) ? null : spec.SourceField;
        mapping.FieldType = spec.FieldType;
        mapping.IsRequired = spec.IsRequired;
        mapping.TransformationRule = spec.TransformationRule;
        mapping.ValidationRule = spec.ValidationRule;
        mapping.DefaultValue = spec.DefaultValue;
    }

    static void CheckDataTypes(IReadOnlyList<string> dataTypes)
    {
        foreach (var type in dataTypes)
        {
            if (!DataTypes.IsKnown(type))
            {
                throw new FerryException(ErrorCodes.InvalidRequest, $"'{Echo.Of(type)}' is not a data type. Use: {string.Join(", ", DataTypes.All)}.") { Field = "data_types" };
            }
        }
    }

    static int CheckBatchSize(int batchSize) => batchSize is >= 1 and <= MaxBatchSize
        ? batchSize
        : throw new FerryException(ErrorCodes.InvalidRequest, $"batch_size must be between 1 and {MaxBatchSize}.") { Field = "batch_size" };

    static string? SafeFileName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var clean = new string(Path.GetFileName(name.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray());
        return clean.Length > 255 ? clean[..255] : clean;
    }

    /// <summary>The table a new upload imports: the first whose data looks like the job's data type, else the first with rows.</summary>
    static TableInspection DefaultTable(FileInspection inspection, string? dataType)
    {
        var withRows = inspection.Tables.Where(t => t.RowCount > 0).DefaultIfEmpty(inspection.Tables[0]).ToList();
        return withRows.FirstOrDefault(t => dataType is not null && t.SuggestedDataTypes.Count > 0 && t.SuggestedDataTypes[0].DataType == dataType) ?? withRows[0];
    }

    /// <summary>Which data types the columns look like, best first.</summary>
    public static IReadOnlyList<DataTypeSuggestion> SuggestDataTypes(TableInspection inspection)
    {
        var samples = inspection.ColumnProfiles.ToDictionary(c => c.Name, c => c.SampleValues, StringComparer.Ordinal);
        var suggestions = new List<DataTypeSuggestion>();
        var candidates = ErpSchemas.All.Select(s => (s.DataType, s.Fields)).Append((DataTypes.Vouchers, VoucherFields.All));
        foreach (var (dataType, fields) in candidates)
        {
            var matched = MappingSuggester.Suggest(fields, inspection.Columns, samples);
            if (matched.Count == 0)
            {
                continue;
            }
            var required = fields.Where(f => f.Required).Select(f => f.Name).ToList();
            var requiredShare = required.Count == 0 ? 1.0 : required.Count(r => matched.Any(m => m.TargetField == r)) / (double)required.Count;
            // Half how well the matched columns fit (saturating at five), half how much of the table they cover: a
            // wide export (Zoho items: 40 columns) stays an item list, and the type covering more columns still wins.
            var fit = matched.Average(m => m.Confidence) * Math.Min(1.0, matched.Count / 5.0);
            var coverage = matched.Sum(m => m.Confidence) / Math.Max(inspection.Columns.Count, 1);
            var confidence = Math.Round(Math.Min(1.0, 0.5 * fit + 0.5 * coverage) * (0.3 + 0.7 * requiredShare), 2);
            if (confidence >= 0.1)
            {
                suggestions.Add(new DataTypeSuggestion(dataType, confidence, matched.Count));
            }
        }
        return [.. suggestions.OrderByDescending(s => s.Confidence).ThenByDescending(s => s.MatchedFields)];
    }
}
