using System.Data.Common;
using System.Globalization;
using System.Text;
using Ferry.Core.Jobs;
using Ferry.Core.Pipeline;
using Ferry.Erp.Schemas;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Data.Import;

/// <summary>
/// Writes batches of mapped records into an ERP table. In commit mode each batch writes its ERP rows, log lines,
/// rollback journal and fenced job checkpoint in the open transaction, which commits at the first batch boundary
/// after its <see cref="CommitRhythm"/> window (group commit), so a checkpoint always covers whole batches.
/// In dry-run mode every batch goes into one transaction that is never committed, and findings go to a
/// <see cref="ValidationReport"/>.
/// </summary>
sealed class ImportBatchSink : IBatchSink, IAsyncDisposable
{
    readonly FerryDbContext _db;
    readonly ErpSchema _schema;
    readonly ImportContext _context;
    readonly ValidationReport? _report;
    readonly ErpTable _table;
    readonly JobLogWriter? _log;
    readonly Dictionary<ulong, InsertCommand> _inserts = [];
    readonly (string Field, int Position)[] _fieldColumns;
    readonly object?[] _fieldDefaults;
    readonly string[] _referenceColumns;
    readonly ulong _requiredColumns;
    readonly HashSet<string> _updatableColumns;
    readonly DbConnection _connection;
    DbTransaction? _transaction;
    readonly CommitRhythm _rhythm;
    readonly CheckpointFence _fence;
    DbCommand? _journal;
    long _checkpoint;
    long _pendingCheckpoint;

    public ImportBatchSink(FerryDbContext db, ErpSchema schema, RecordMapper mapper, ImportContext context, ValidationReport? dryRunReport)
    {
        _db = db;
        _schema = schema;
        _context = context;
        _report = dryRunReport;
        _checkpoint = context.Checkpoint;
        _pendingCheckpoint = context.Checkpoint;
        _table = ErpTable.For(db, schema.EntityType);
        _log = dryRunReport is null ? new JobLogWriter(db, context.OrganizationId, context.JobId) : null;
        _fieldColumns = [.. schema.Fields.Select((f, i) => (f.Name, i)).Where(f => _table.HasColumn(f.Name))];
        _fieldDefaults = [.. _fieldColumns.Select(f => ErpTable.DefaultFor(_table.Column(f.Field)))];
        _referenceColumns = [.. schema.References.Select(r => r.IdColumn)];
        if (_fieldColumns.Length + _referenceColumns.Length > 64)
        {
            throw new InvalidOperationException($"{schema.DataType} has more than 64 importable columns.");
        }
        _updatableColumns = [.. _fieldColumns.Select(f => f.Field).Where(f => mapper.MappedFields.Contains(f)
                || (schema.DerivedFields.TryGetValue(f, out var sources) && sources.Any(mapper.MappedFields.Contains))),
            .. schema.References.Where(r => mapper.MappedFields.Contains(r.KeyField)).Select(r => r.IdColumn)];
        for (var i = 0; i < _fieldColumns.Length; i++)
        {
            if (!_table.Column(_fieldColumns[i].Field).IsNullable)
            {
                _requiredColumns |= 1UL << i;
            }
        }
        _connection = db.Database.GetDbConnection();
        _fence = new CheckpointFence(db, context.JobId, context.OrganizationId, context.Epoch, context.LeaseDuration);
        _rhythm = new CommitRhythm(context.CommitInterval, context.LeaseDuration);
    }

    bool IsDryRun => _report is not null;

    public async Task<BatchOutcome> WriteAsync(RecordBatch batch, CancellationToken cancellationToken)
    {
        if (_connection.State != System.Data.ConnectionState.Open)
        {
            await _db.Database.OpenConnectionAsync(cancellationToken);
        }
        if (_transaction is null)
        {
            _transaction = await _connection.BeginTransactionAsync(cancellationToken);
            _rhythm.Opened();
        }
        var outcome = await WriteInTransactionAsync(batch, _transaction, cancellationToken);
        if (IsDryRun)
        {
            return outcome;
        }
        if (!await _fence.AdvanceAsync(_transaction, _pendingCheckpoint, batch.LastRow, batch.Records.Count, outcome, null, cancellationToken))
        {
            await DiscardAsync();
            return BatchOutcome.Stop;
        }
        _pendingCheckpoint = batch.LastRow;
        if (_rhythm.IsDue)
        {
            await CommitAsync(cancellationToken);
        }
        return outcome;
    }

    public async Task<bool> CompleteAsync(CancellationToken cancellationToken)
    {
        if (!IsDryRun && _transaction is not null)
        {
            await CommitAsync(cancellationToken);
        }
        return true;
    }

    async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _rhythm.CommitAsync(_transaction!, cancellationToken);
        await _transaction!.DisposeAsync();
        _transaction = null;
        _checkpoint = _pendingCheckpoint;
    }

    async Task DiscardAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync();
            await _transaction.DisposeAsync();
            _transaction = null;
        }
        _pendingCheckpoint = _checkpoint;
    }

    async Task<BatchOutcome> WriteInTransactionAsync(RecordBatch batch, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await ResolveReferencesAsync(batch.Records, transaction, cancellationToken);
        // Skipping needs no lookup: the insert's ON CONFLICT tells a duplicate apart; update and create_new need the row.
        var existing = _context.Strategy == ConflictStrategy.Skip
            ? new Dictionary<string, ExistingRow>(StringComparer.Ordinal)
            : await FindExistingAsync(batch.Records, transaction, cancellationToken);
        var layout = ColumnsWithValues(batch.Records);
        int inserted = 0, updated = 0, skipped = 0, failed = 0;
        var now = DateTime.UtcNow;
        foreach (var record in batch.Records)
        {
            if (record.HasErrors)
            {
                failed++;
                await ReportAsync(transaction, record, JobLogLevel.Error, $"{Label(record)} failed: {record.Issues!.First(i => i.Severity == IssueSeverity.Error).Message}",
                    "validate_" + Singular(), record.Issues!.First(i => i.Severity == IssueSeverity.Error).ErrorCode, cancellationToken);
                continue;
            }
            if (existing.TryGetValue(record.NaturalKey!, out var row))
            {
                switch (_context.Strategy)
                {
                    case ConflictStrategy.Skip:
                        skipped++;
                        _report?.AddDuplicate();
                        await ReportAsync(transaction, record, JobLogLevel.Warning, row.InsertedFrom is null
                            ? $"{Label(record)} skipped: {_schema.Describe(record)} already exists (id {row.Id})"
                            : $"{Label(record)} skipped: {_schema.Describe(record)} is already in {row.InsertedFrom} of this file", "skip_duplicate", "DUPLICATE", cancellationToken);
                        continue;
                    case ConflictStrategy.Update:
                        if (row.Id == 0)
                        {
                            row.Id = await IdOfAsync(transaction, record.NaturalKey!, cancellationToken);
                        }
                        if (await UpdateAsync(transaction, record, row, now, cancellationToken))
                        {
                            updated++;
                            _report?.AddDuplicate();
                            await ReportAsync(transaction, record, JobLogLevel.Info,
                                $"{Label(record)} updated {_schema.Describe(record)} (id {row.Id})", "update_duplicate", "DUPLICATE", cancellationToken);
                        }
                        else
                        {
                            skipped++;
                            await ReportAsync(transaction, record, JobLogLevel.Info,
                                $"{Label(record)} unchanged: {_schema.Describe(record)} (id {row.Id}) already holds these values", "unchanged", null, cancellationToken);
                        }
                        continue;
                    case ConflictStrategy.CreateNew:
                        var original = _schema.Describe(record);
                        if (!await MakeDistinctAsync(record, existing, transaction, cancellationToken))
                        {
                            failed++;
                            record.AddError(null, "DUPLICATE", $"no free identifier found for {original}");
                            await ReportAsync(transaction, record, JobLogLevel.Error, $"{Label(record)} failed: no free identifier found for {original}", "create_new_duplicate", "DUPLICATE", cancellationToken);
                            continue;
                        }
                        _report?.AddDuplicate();
                        await ReportAsync(transaction, record, JobLogLevel.Warning,
                            $"{Label(record)}: {original} already exists; created as {_schema.Describe(record)}", "create_new_duplicate", "DUPLICATE", cancellationToken);
                        break;
                }
            }
            if (!Insert(transaction, record, now, layout))
            {
                skipped++;
                _report?.AddDuplicate();
                await ReportAsync(transaction, record, JobLogLevel.Warning,
                    $"{Label(record)} skipped: {_schema.Describe(record)} already exists", "skip_duplicate", "DUPLICATE", cancellationToken);
                continue;
            }
            existing[record.NaturalKey!] = new ExistingRow(0, _context.JobId) { InsertedFrom = record.Location };
            inserted++;
            if (record.Issues is { Count: > 0 })
            {
                await ReportAsync(transaction, record, JobLogLevel.Warning,
                    $"{Label(record)} imported with warnings: {record.Issues[0].Message}", "create_" + Singular(), record.Issues[0].ErrorCode, cancellationToken);
            }
        }

        if (_report is not null)
        {
            _report.RecordsTotal += batch.Records.Count;
            _report.RecordsInvalid += failed;
            _report.RecordsValid += batch.Records.Count - failed;
            _report.WouldInsert += inserted;
            _report.WouldUpdate += updated;
            _report.WouldSkip += skipped;
        }
        else
        {
            await _log!.WriteAsync(transaction, JobLogLevel.Info,
                $"Rows {batch.FirstRow}–{batch.LastRow}: {inserted} inserted, {updated} updated, {skipped} skipped, {failed} failed",
                "batch", cancellationToken: cancellationToken);
        }
        return new BatchOutcome(inserted, updated, skipped, failed);
    }

    async Task ReportAsync(DbTransaction transaction, MappedRecord record, JobLogLevel level, string message, string operation, string? errorCode, CancellationToken cancellationToken)
    {
        if (_report is not null)
        {
            foreach (var issue in record.Issues ?? [])
            {
                _report.AddIssue(issue);
            }
            return;
        }
        var details = record.Issues is { Count: > 0 } ? JobLogWriter.IssuesJson(record.Issues) : null;
        await _log!.WriteAsync(transaction, level, message, operation, record.RowNumber, record.Location, errorCode, details, cancellationToken);
    }

    async Task ResolveReferencesAsync(IReadOnlyList<MappedRecord> records, DbTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var reference in _schema.References)
        {
            var keys = records.Where(r => !r.HasErrors && r.GetString(reference.KeyField) is not null)
                .Select(r => NaturalKeys.Normalize(r.GetString(reference.KeyField)))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var target = ErpTable.For(_db, reference.Target);
            var ids = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var chunk in keys.Chunk(500))
            {
                await using var command = _connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"SELECT id, natural_key FROM {target.Name} WHERE organization_id = @org AND natural_key IN ({ErpTable.Placeholders("k", chunk.Length)})";
                command.Parameters.Add(target.Parameter(command, "organization_id", "org", _context.OrganizationId));
                for (var i = 0; i < chunk.Length; i++)
                {
                    command.Parameters.Add(target.Parameter(command, "natural_key", $"k{i}", chunk[i]));
                }
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids[reader.GetString(1)] = reader.GetInt64(0);
                }
            }
            foreach (var record in records)
            {
                if (record.HasErrors || record.GetString(reference.KeyField) is not { } name)
                {
                    continue;
                }
                if (ids.TryGetValue(NaturalKeys.Normalize(name), out var id))
                {
                    record.SetReference(reference.IdColumn, id);
                }
                else if (reference.Required)
                {
                    record.AddError(reference.KeyField, Core.ErrorCodes.ValidationFailed,
                        $"{reference.KeyField} '{name}' does not exist; import it first", name);
                }
                else
                {
                    record.AddWarning(reference.KeyField, Core.ErrorCodes.ValidationFailed,
                        $"{reference.KeyField} '{name}' does not exist yet; the name is kept and linked when it is imported", name);
                }
            }
        }
    }

    async Task<Dictionary<string, ExistingRow>> FindExistingAsync(IReadOnlyList<MappedRecord> records, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var keys = records.Where(r => !r.HasErrors).Select(r => r.NaturalKey!).Distinct(StringComparer.Ordinal).ToArray();
        var existing = new Dictionary<string, ExistingRow>(StringComparer.Ordinal);
        if (keys.Length == 0)
        {
            return existing;
        }
        var full = _context.Strategy == ConflictStrategy.Update;
        var columns = full ? _table.Columns.Select(c => c.Name).ToList() : ["id", "natural_key", "created_job_id"];
        await using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {string.Join(", ", columns)} FROM {_table.Name} WHERE organization_id = @org AND natural_key IN ({ErpTable.Placeholders("k", keys.Length)})";
        command.Parameters.Add(_table.Parameter(command, "organization_id", "org", _context.OrganizationId));
        for (var i = 0; i < keys.Length; i++)
        {
            command.Parameters.Add(_table.Parameter(command, "natural_key", $"k{i}", keys[i]));
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var idOrdinal = columns.IndexOf("id");
        var keyOrdinal = columns.IndexOf("natural_key");
        var createdOrdinal = columns.IndexOf("created_job_id");
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new ExistingRow(reader.GetInt64(idOrdinal), reader.IsDBNull(createdOrdinal) ? null : reader.GetGuid(createdOrdinal));
            if (full)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    row.Values[columns[i]] = ErpTable.Read(reader, i, _table.Column(columns[i]).ProviderClrType);
                }
            }
            existing[reader.GetString(keyOrdinal)] = row;
        }
        return existing;
    }

    /// <summary>
    /// Inserts one record with a prepared statement for its column set; false when its key was taken meanwhile.
    /// The job's constants (organization, job) are SQL literals written by the EF type mappings, so each row binds
    /// only its own values.
    /// </summary>
    bool Insert(DbTransaction transaction, MappedRecord record, DateTime now, ulong columns)
    {
        if (!_inserts.TryGetValue(columns, out var insert))
        {
            var names = ColumnNames(columns).ToList();
            var sql =
                $"INSERT INTO {_table.Name} (organization_id, created_job_id, last_job_id, natural_key, source_location, created_at, updated_at, {string.Join(", ", names)}) " +
                $"VALUES ({Literal("organization_id", _context.OrganizationId)}, {Literal("created_job_id", _context.JobId)}, {Literal("last_job_id", _context.JobId)}, " +
                $"@key, @location, @now, @now, {ErpTable.Placeholders("v", names.Count)}) ON CONFLICT (organization_id, natural_key) DO NOTHING";
            string[] bound = ["natural_key", "source_location", "created_at", .. names];
            insert = new InsertCommand(new object?[bound.Length]);
            if (_connection is SqliteConnection sqlite)
            {
                insert.Sqlite = new SqliteInsertStatement(sqlite, sql);
            }
            else
            {
                insert.Command = _connection.CreateCommand();
                insert.Command.CommandText = sql;
                string[] parameters = ["key", "location", "now", .. names.Select((_, i) => $"v{i}")];
                for (var i = 0; i < bound.Length; i++)
                {
                    insert.Command.Parameters.Add(_table.Parameter(insert.Command, bound[i], parameters[i], null));
                }
            }
            _inserts[columns] = insert;
        }
        var values = insert.Values;
        values[0] = record.NaturalKey;
        values[1] = record.Location;
        values[2] = ToProvider("created_at", now);
        var index = 3;
        for (var i = 0; i < _fieldColumns.Length; i++)
        {
            if ((columns & (1UL << i)) != 0)
            {
                values[index++] = record.Values[_fieldColumns[i].Position] ?? _fieldDefaults[i];
            }
        }
        for (var i = 0; i < _referenceColumns.Length; i++)
        {
            if ((columns & (1UL << (_fieldColumns.Length + i))) != 0)
            {
                values[index++] = record.ReferenceOrNull(_referenceColumns[i]);
            }
        }
        if (insert.Sqlite is { } statement)
        {
            return statement.Execute(values) == 1;
        }
        var command = insert.Command!;
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>A prepared insert for one column set: the SQLite statement, or a command on other providers.</summary>
    sealed class InsertCommand(object?[] values)
    {
        public object?[] Values { get; } = values;

        public SqliteInsertStatement? Sqlite { get; set; }

        public DbCommand? Command { get; set; }
    }

    string Literal(string column, object value) => _table.Column(column).StoreTypeMapping.GenerateSqlLiteral(value);

    async Task<long> IdOfAsync(DbTransaction transaction, string naturalKey, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT id FROM {_table.Name} WHERE organization_id = @org AND natural_key = @key";
        command.Parameters.Add(_table.Parameter(command, "organization_id", "org", _context.OrganizationId));
        command.Parameters.Add(_table.Parameter(command, "natural_key", "key", naturalKey));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    object? ToProvider(string column, object value) =>
        _table.Column(column).StoreTypeMapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;

    /// <summary>The columns any of the valid records has a value for, plus the non-nullable ones, as a bit set.</summary>
    ulong ColumnsWithValues(IEnumerable<MappedRecord> records)
    {
        var columns = _requiredColumns;
        foreach (var record in records)
        {
            if (record.HasErrors)
            {
                continue;
            }
            for (var i = 0; i < _fieldColumns.Length; i++)
            {
                if (record.Values[_fieldColumns[i].Position] is not null)
                {
                    columns |= 1UL << i;
                }
            }
            for (var i = 0; i < _referenceColumns.Length; i++)
            {
                if (record.ReferenceOrNull(_referenceColumns[i]) is not null)
                {
                    columns |= 1UL << (_fieldColumns.Length + i);
                }
            }
        }
        return columns;
    }

    IEnumerable<string> ColumnNames(ulong columns)
    {
        for (var i = 0; i < _fieldColumns.Length; i++)
        {
            if ((columns & (1UL << i)) != 0)
            {
                yield return _fieldColumns[i].Field;
            }
        }
        for (var i = 0; i < _referenceColumns.Length; i++)
        {
            if ((columns & (1UL << (_fieldColumns.Length + i))) != 0)
            {
                yield return _referenceColumns[i];
            }
        }
    }

    /// <summary>The record's values by column: every column it has a value for, and the non-nullable ones.</summary>
    Dictionary<string, object?> ColumnValues(MappedRecord record)
    {
        var columns = ColumnsWithValues([record]);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < _fieldColumns.Length; i++)
        {
            if ((columns & (1UL << i)) != 0)
            {
                values[_fieldColumns[i].Field] = record.Values[_fieldColumns[i].Position] ?? ErpTable.DefaultFor(_table.Column(_fieldColumns[i].Field));
            }
        }
        for (var i = 0; i < _referenceColumns.Length; i++)
        {
            if (record.ReferenceOrNull(_referenceColumns[i]) is { } id)
            {
                values[_referenceColumns[i]] = id;
            }
        }
        return values;
    }

    async Task<bool> UpdateAsync(DbTransaction transaction, MappedRecord record, ExistingRow row, DateTime now, CancellationToken cancellationToken)
    {
        var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (column, value) in ColumnValues(record))
        {
            var current = row.Values.GetValueOrDefault(column);
            if ((_updatableColumns.Contains(column) || current is null) && !ErpTable.SameValue(current, value))
            {
                changes[column] = value;
            }
        }
        if (changes.Count == 0)
        {
            return false;
        }
        if (row.CreatedJobId != _context.JobId)
        {
            var before = changes.Keys.Concat(["last_job_id", "source_location", "updated_at"])
                .ToDictionary(c => c, c => row.Values.GetValueOrDefault(c), StringComparer.Ordinal);
            await JournalAsync(transaction, row.Id, BeforeImage.Serialize(before), cancellationToken);
        }
        await using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder($"UPDATE {_table.Name} SET ");
        var i = 0;
        foreach (var (column, value) in changes)
        {
            sql.Append(column).Append(" = @u").Append(i.ToString(CultureInfo.InvariantCulture)).Append(", ");
            command.Parameters.Add(_table.Parameter(command, column, $"u{i++}", value));
        }
        sql.Append("last_job_id = @job, source_location = @loc, updated_at = @now WHERE id = @id AND organization_id = @org");
        command.CommandText = sql.ToString();
        command.Parameters.Add(_table.Parameter(command, "last_job_id", "job", _context.JobId));
        command.Parameters.Add(_table.Parameter(command, "source_location", "loc", record.Location));
        command.Parameters.Add(_table.Parameter(command, "updated_at", "now", now));
        command.Parameters.Add(_table.Parameter(command, "id", "id", row.Id));
        command.Parameters.Add(_table.Parameter(command, "organization_id", "org", _context.OrganizationId));
        await command.ExecuteNonQueryAsync(cancellationToken);
        foreach (var (column, value) in changes)
        {
            row.Values[column] = value;
        }
        row.Values["last_job_id"] = _context.JobId;
        row.Values["source_location"] = record.Location;
        row.Values["updated_at"] = now;
        return true;
    }

    async Task JournalAsync(DbTransaction transaction, long rowId, string beforeImage, CancellationToken cancellationToken)
    {
        var journal = ErpTable.For(_db, typeof(RollbackJournalEntry));
        if (_journal is null)
        {
            _journal = _connection.CreateCommand();
            _journal.CommandText = "INSERT INTO rollback_journal (organization_id, job_id, table_name, row_id, before_image, created_at) VALUES (@j0, @j1, @j2, @j3, @j4, @j5)";
            _journal.Parameters.Add(journal.Parameter(_journal, "organization_id", "j0", _context.OrganizationId));
            _journal.Parameters.Add(journal.Parameter(_journal, "job_id", "j1", _context.JobId));
            _journal.Parameters.Add(journal.Parameter(_journal, "table_name", "j2", _table.Name));
            _journal.Parameters.Add(journal.Parameter(_journal, "row_id", "j3", 0L));
            _journal.Parameters.Add(journal.Parameter(_journal, "before_image", "j4", ""));
            _journal.Parameters.Add(journal.Parameter(_journal, "created_at", "j5", DateTime.UtcNow));
        }
        _journal.Transaction = transaction;
        _journal.Parameters[3].Value = rowId;
        _journal.Parameters[4].Value = beforeImage;
        _journal.Parameters[5].Value = DateTime.UtcNow;
        await _journal.ExecuteNonQueryAsync(cancellationToken);
    }

    async Task<bool> MakeDistinctAsync(MappedRecord record, Dictionary<string, ExistingRow> existing, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var snapshot = record.Values.ToArray();
        for (var attempt = 1; attempt < 1000; attempt++)
        {
            Array.Copy(snapshot, record.Values, snapshot.Length);
            _schema.MakeDistinct(record, attempt);
            record.NaturalKey = _schema.NaturalKey(record);
            if (existing.ContainsKey(record.NaturalKey))
            {
                continue;
            }
            await using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT COUNT(*) FROM {_table.Name} WHERE organization_id = @org AND natural_key = @key";
            command.Parameters.Add(_table.Parameter(command, "organization_id", "org", _context.OrganizationId));
            command.Parameters.Add(_table.Parameter(command, "natural_key", "key", record.NaturalKey));
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                return true;
            }
        }
        return false;
    }

    static string Label(MappedRecord record) => char.ToUpperInvariant(record.Location[0]) + record.Location[1..];

    string Singular() => _schema.DataType.TrimEnd('s');

    public async ValueTask DisposeAsync()
    {
        await DiscardAsync();
        foreach (var insert in _inserts.Values)
        {
            insert.Sqlite?.Dispose();
            if (insert.Command is not null)
            {
                await insert.Command.DisposeAsync();
            }
        }
        await _fence.DisposeAsync();
        if (_journal is not null)
        {
            await _journal.DisposeAsync();
        }
        _log?.Dispose();
    }
}
