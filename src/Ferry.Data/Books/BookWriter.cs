using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Core.Pipeline;
using Ferry.Data.Import;
using Ferry.Erp.Books;
using Ferry.Erp.Model;
using Ferry.Erp.Schemas;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Data.Books;

/// <summary>
/// Writes a source's books entry by entry: a row is found by its source GUID, else its natural key, and is then
/// inserted, updated (with a before-image in the rollback journal), left unchanged, or kept as it is when the conflict
/// strategy says so. Each batch commits its rows, log lines, journal, per-entity counts and fenced checkpoint
/// together (group commit as for tables). In dry-run mode nothing is ever committed and findings go to a report.
/// </summary>
sealed class BookWriter : IAsyncDisposable
{
    enum Result
    {
        Inserted,
        Updated,
        Unchanged,
        Kept,
        Skipped,
        Failed,
    }

    /// <summary>The skip reason of entries whose data type the job does not import; they are counted, not logged.</summary>
    public const string NotSelected = "not_selected";

    static readonly JsonSerializerOptions CountsJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    readonly FerryDbContext _db;
    readonly ImportContext _context;
    readonly BookOptions _options;
    readonly ValidationReport? _report;
    readonly Dictionary<string, EntityCount> _counts;
    readonly Dictionary<string, long> _missing = new(StringComparer.Ordinal);
    readonly CheckpointFence _fence;
    readonly JobLogWriter? _log;
    BookNames _names = null!;
    readonly List<ErpRow> _unsaved = [];
    string? _unsavedEntity;
    MasterMatches _masters = new([]);
    DbTransaction? _transaction;
    readonly CommitRhythm _rhythm;
    long _checkpoint;
    long _pending;

    BookWriter(FerryDbContext db, ImportContext context, BookOptions options, string? counts, ValidationReport? report)
    {
        _db = db;
        _context = context;
        _options = options;
        _report = report;
        _checkpoint = _pending = context.Checkpoint;
        _counts = (counts is null ? null : JsonSerializer.Deserialize<Dictionary<string, EntityCount>>(counts, CountsJson))
            ?? new Dictionary<string, EntityCount>(StringComparer.Ordinal);
        _fence = new CheckpointFence(db, context.JobId, context.OrganizationId, context.Epoch, context.LeaseDuration);
        _rhythm = new CommitRhythm(context.CommitInterval, context.LeaseDuration);
        _log = report is null ? new JobLogWriter(db, context.OrganizationId, context.JobId) : null;
        db.Database.AutoSavepointsEnabled = false;
    }

    /// <summary>A writer that resumes the per-entity counts already committed (<paramref name="counts"/>, as JSON).</summary>
    public static async Task<BookWriter> CreateAsync(FerryDbContext db, ImportContext context, BookOptions options, string? counts, ValidationReport? report,
        CancellationToken cancellationToken)
    {
        var writer = new BookWriter(db, context, options, counts, report);
        writer._names = await BookNames.LoadAsync(db, context.OrganizationId, cancellationToken);
        return writer;
    }

    public IReadOnlyDictionary<string, EntityCount> Counts => _counts;

    public IReadOnlyDictionary<string, long> Missing => _missing;

    bool IsDryRun => _report is not null;

    Guid Organization => _context.OrganizationId;

    /// <summary>Writes one batch; false when the job's lease was lost or a cancel was asked for.</summary>
    public async Task<bool> WriteAsync(IReadOnlyList<BookEntry> batch, CancellationToken cancellationToken)
    {
        if (_transaction is null)
        {
            // Begun on the connection, which takes SQLite's write lock at once (BEGIN IMMEDIATE): a transaction that
            // read first could not take it later once the heartbeat had committed in between.
            await _db.Database.OpenConnectionAsync(cancellationToken);
            _transaction = await _db.Database.GetDbConnection().BeginTransactionAsync(cancellationToken);
            await _db.Database.UseTransactionAsync(_transaction, cancellationToken);
            _rhythm.Opened();
        }
        int inserted = 0, updated = 0, skipped = 0, failed = 0;
        var vouchers = await ExistingVouchersAsync(batch, cancellationToken);
        _masters = await ExistingMastersAsync(batch, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in batch)
        {
            var result = await WriteEntryAsync(entry, vouchers, seen, cancellationToken);
            var count = CountOf(entry.Entity);
            switch (result)
            {
                case Result.Inserted: inserted++; count.Inserted++; break;
                case Result.Updated: updated++; count.Updated++; break;
                case Result.Unchanged: skipped++; count.Unchanged++; break;
                case Result.Kept: skipped++; count.Kept++; break;
                case Result.Skipped: skipped++; count.Skipped++; break;
                default: failed++; count.Failed++; break;
            }
        }
        await FlushAsync(cancellationToken);
        _db.ChangeTracker.Clear();
        _masters = new MasterMatches([]);

        if (_report is not null)
        {
            _report.RecordsTotal += batch.Count;
            _report.RecordsInvalid += failed;
            _report.RecordsValid += batch.Count - failed;
            _report.WouldInsert += inserted;
            _report.WouldUpdate += updated;
            _report.WouldSkip += skipped;
            _report.ByEntity = _counts;
            _report.MissingMasters = _missing;
            return true;
        }
        var transaction = _transaction!;
        await _log!.WriteAsync(transaction, JobLogLevel.Info,
            $"Entries {batch[0].Sequence}–{batch[^1].Sequence}: {inserted} inserted, {updated} updated, {skipped} skipped or unchanged, {failed} failed",
            "batch", cancellationToken: cancellationToken);
        if (!await _fence.AdvanceAsync(transaction, _pending, batch[^1].Sequence, batch.Count, new BatchOutcome(inserted, updated, skipped, failed),
            JsonSerializer.Serialize(_counts, CountsJson), cancellationToken))
        {
            await DiscardAsync();
            return false;
        }
        _pending = batch[^1].Sequence;
        if (_rhythm.IsDue)
        {
            await CommitAsync(cancellationToken);
        }
        return true;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (!IsDryRun && _transaction is not null)
        {
            await CommitAsync(cancellationToken);
        }
    }

    async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _rhythm.CommitAsync(_transaction!, cancellationToken);
        await _db.Database.UseTransactionAsync(null, cancellationToken);
        await _transaction!.DisposeAsync();
        _transaction = null;
        _checkpoint = _pending;
    }

    async Task DiscardAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync();
            await _db.Database.UseTransactionAsync(null);
            await _transaction.DisposeAsync();
            _transaction = null;
        }
        _pending = _checkpoint;
        _db.ChangeTracker.Clear();
    }

    EntityCount CountOf(string entity) => _counts.TryGetValue(entity, out var count) ? count : _counts[entity] = new EntityCount();

    async Task<Result> WriteEntryAsync(BookEntry entry, VoucherMatches vouchers, HashSet<string> seen, CancellationToken cancellationToken)
    {
        if (entry.SkipReason == NotSelected)
        {
            return Result.Skipped;
        }
        if (entry.SkipReason is { } reason)
        {
            await NoteAsync(entry, JobLogLevel.Info, $"{Capital(entry.Label)} skipped: {Explain(reason)}", "skip_" + Singular(entry.Entity), null, cancellationToken);
            return Result.Skipped;
        }
        if (entry.Error is { } error)
        {
            await NoteAsync(entry, JobLogLevel.Error, $"{Capital(entry.Label)} failed: {error}", "validate_" + Singular(entry.Entity), ErrorCodes.ValidationFailed, cancellationToken);
            return Result.Failed;
        }
        foreach (var warning in entry.Warnings)
        {
            await NoteAsync(entry, JobLogLevel.Warning, $"{Capital(entry.Label)}: {warning}", "warn_" + Singular(entry.Entity), ErrorCodes.ValidationFailed, cancellationToken);
        }
        var row = entry.Row!;
        row.OrganizationId = Organization;
        return row is Voucher voucher
            ? await WriteVoucherAsync(entry, voucher, vouchers, seen, cancellationToken)
            : await WriteMasterAsync(entry, row, cancellationToken);
    }

    async Task<Result> WriteMasterAsync(BookEntry entry, ErpRow row, CancellationToken cancellationToken)
    {
        // Rows are saved together until an entry may name one of them: the next entity, or a group under a group.
        if (_unsavedEntity != entry.Entity || row is AccountGroup or Unit or Warehouse)
        {
            await FlushAsync(cancellationToken);
            _unsavedEntity = entry.Entity;
        }
        if (await ResolveAsync(entry, row, cancellationToken) is { } error)
        {
            await NoteAsync(entry, JobLogLevel.Error, $"{Capital(entry.Label)} failed: {error}", "validate_" + Singular(entry.Entity), ErrorCodes.ValidationFailed, cancellationToken);
            return Result.Failed;
        }
        var existing = _masters.Find(row);
        var now = DateTime.UtcNow;
        if (existing is null)
        {
            Stamp(row, entry, now);
            _db.Add(row);
            _unsaved.Add(row);
            _masters.Add(row);
            return Result.Inserted;
        }
        var tracked = _db.Entry(existing);
        var before = RowChanges.Apply(tracked, row);
        var oldKey = existing.NaturalKey;
        if (oldKey != row.NaturalKey && !await KeyTakenAsync(row, cancellationToken))
        {
            before["natural_key"] = oldKey;
            existing.NaturalKey = row.NaturalKey;
        }
        if (before.Count == 0)
        {
            return Result.Unchanged;
        }
        if (_context.Strategy != ConflictStrategy.Update)
        {
            RowChanges.Revert(tracked);
            existing.NaturalKey = oldKey;
            if (before.Values.All(v => v is null))
            {
                return Result.Unchanged;
            }
            await NoteAsync(entry, JobLogLevel.Info,
                $"{Capital(entry.Label)} differs from the ERP (id {existing.Id}) in {string.Join(", ", before.Keys)}; kept as it is (conflict strategy {_context.Strategy.ToSnakeCase()})",
                "keep_" + Singular(entry.Entity), null, cancellationToken);
            return Result.Kept;
        }
        var changed = string.Join(", ", before.Keys);
        Journal(existing, before, TableOf(existing));
        existing.LastJobId = _context.JobId;
        existing.SourceLocation = entry.Location;
        existing.UpdatedAt = now;
        await FlushAsync(cancellationToken);
        _names.Remove(existing.GetType(), oldKey);
        _names.Add(existing);
        await NoteAsync(entry, JobLogLevel.Info, $"{Capital(entry.Label)} updated (id {existing.Id}): {changed}",
            "update_" + Singular(entry.Entity), null, cancellationToken);
        return Result.Updated;
    }

    async Task<Result> WriteVoucherAsync(BookEntry entry, Voucher voucher, VoucherMatches matches, HashSet<string> seen, CancellationToken cancellationToken)
    {
        if (_unsaved.Count > 0)
        {
            await FlushAsync(cancellationToken);
        }
        if (!seen.Add(voucher.NaturalKey))
        {
            await NoteAsync(entry, JobLogLevel.Warning, $"{Capital(entry.Label)} skipped: the same voucher (GUID or type, number and date) came earlier in this batch",
                "skip_voucher", "DUPLICATE", cancellationToken);
            return Result.Kept;
        }
        var missing = MissingNames(voucher);
        if (missing.Count > 0)
        {
            foreach (var name in missing)
            {
                _missing[name] = _missing.GetValueOrDefault(name) + 1;
            }
            if (!_options.CreateMissingMasters)
            {
                await NoteAsync(entry, JobLogLevel.Error,
                    $"{Capital(entry.Label)} failed: it names {string.Join(" and ", missing)}, which neither this file nor the ERP has. " +
                    $"Import the masters first, or import again creating missing masters as placeholders under {BookOptions.SuspenseGroup}",
                    "validate_voucher", ErrorCodes.ValidationFailed, cancellationToken);
                return Result.Failed;
            }
            await CreatePlaceholdersAsync(entry, voucher, cancellationToken);
        }
        Resolve(voucher);
        var existing = matches.Find(voucher);
        var now = DateTime.UtcNow;
        if (existing is null)
        {
            Stamp(voucher, entry, now);
            _db.Vouchers.Add(voucher);
            return Result.Inserted;
        }
        var tracked = _db.Entry(existing);
        var before = RowChanges.Apply(tracked, voucher);
        var sameLines = VoucherLines.Same(existing, voucher);
        if (before.Count == 0 && sameLines)
        {
            return Result.Unchanged;
        }
        var changed = string.Join(", ", sameLines ? before.Keys : before.Keys.Append("lines"));
        if (_context.Strategy != ConflictStrategy.Update)
        {
            RowChanges.Revert(tracked);
            if (sameLines && before.Values.All(v => v is null))
            {
                return Result.Unchanged;
            }
            await NoteAsync(entry, JobLogLevel.Info,
                $"{Capital(entry.Label)} differs from the ERP (id {existing.Id}) in {changed}; kept as it is (conflict strategy {_context.Strategy.ToSnakeCase()})",
                "keep_voucher", null, cancellationToken);
            return Result.Kept;
        }
        if (existing.CreatedJobId != _context.JobId)
        {
            Journal(existing, before, TableOf(existing));
            if (!sameLines)
            {
                _db.RollbackJournal.Add(new RollbackJournalEntry
                {
                    OrganizationId = Organization,
                    JobId = _context.JobId,
                    TableName = VoucherLines.JournalTable,
                    RowId = existing.Id,
                    BeforeImage = VoucherLines.Image(existing),
                    CreatedAt = now,
                });
            }
        }
        if (!sameLines)
        {
            _db.VoucherLedgerLines.RemoveRange(existing.LedgerLines);
            _db.VoucherInventoryLines.RemoveRange(existing.InventoryLines);
            // The old lines are deleted first, so the new ones may take the same line numbers.
            await _db.SaveChangesAsync(cancellationToken);
            foreach (var line in voucher.LedgerLines)
            {
                line.VoucherId = existing.Id;
                _db.VoucherLedgerLines.Add(line);
            }
            foreach (var line in voucher.InventoryLines)
            {
                line.VoucherId = existing.Id;
                _db.VoucherInventoryLines.Add(line);
            }
        }
        existing.LastJobId = _context.JobId;
        existing.SourceLocation = entry.Location;
        existing.UpdatedAt = now;
        await NoteAsync(entry, JobLogLevel.Info, $"{Capital(entry.Label)} updated (id {existing.Id}): {changed}", "update_voucher", null, cancellationToken);
        return Result.Updated;
    }

    List<string> MissingNames(Voucher voucher)
    {
        var missing = new List<string>();
        foreach (var line in voucher.LedgerLines)
        {
            if (_names.IdOf<Ledger>(line.LedgerName) is null && !missing.Contains(LedgerLabel(line.LedgerName)))
            {
                missing.Add(LedgerLabel(line.LedgerName));
            }
        }
        foreach (var line in voucher.InventoryLines)
        {
            if (_names.IdOf<Product>(line.ItemName) is null && !missing.Contains(ItemLabel(line.ItemName)))
            {
                missing.Add(ItemLabel(line.ItemName));
            }
        }
        return missing;
    }

    static string LedgerLabel(string name) => $"ledger '{name}'";

    static string ItemLabel(string name) => $"item '{name}'";

    async Task CreatePlaceholdersAsync(BookEntry entry, Voucher voucher, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var group = await SuspenseGroupAsync(entry, cancellationToken);
        foreach (var name in voucher.LedgerLines.Select(l => l.LedgerName).Distinct(StringComparer.Ordinal).Where(n => _names.IdOf<Ledger>(n) is null))
        {
            var ledger = new Ledger { OrganizationId = Organization, NaturalKey = NaturalKeys.Normalize(name), Name = name, GroupName = BookOptions.SuspenseGroup, GroupId = group };
            await AddPlaceholderAsync(entry, ledger, BookEntities.Ledgers, $"Ledger '{name}' created as a placeholder under {BookOptions.SuspenseGroup}", now, cancellationToken);
        }
        foreach (var name in voucher.InventoryLines.Select(l => l.ItemName).Distinct(StringComparer.Ordinal).Where(n => _names.IdOf<Product>(n) is null))
        {
            var product = new Product { OrganizationId = Organization, NaturalKey = NaturalKeys.Normalize(name), Sku = name, Name = name };
            await AddPlaceholderAsync(entry, product, BookEntities.Products, $"Item '{name}' created as a placeholder product", now, cancellationToken);
        }
    }

    async Task<long> SuspenseGroupAsync(BookEntry entry, CancellationToken cancellationToken)
    {
        if (_names.IdOf<AccountGroup>(BookOptions.SuspenseGroup) is { } id)
        {
            return id;
        }
        var group = new AccountGroup
        {
            OrganizationId = Organization,
            NaturalKey = NaturalKeys.Normalize(BookOptions.SuspenseGroup),
            Name = BookOptions.SuspenseGroup,
            Nature = AccountNature.Liabilities,
            IsReserved = true,
        };
        await AddPlaceholderAsync(entry, group, BookEntities.AccountGroups, $"Group '{BookOptions.SuspenseGroup}' created to hold placeholders and differences", DateTime.UtcNow, cancellationToken);
        return group.Id;
    }

    async Task AddPlaceholderAsync(BookEntry entry, ErpRow row, string entity, string message, DateTime now, CancellationToken cancellationToken)
    {
        Stamp(row, entry, now);
        _db.Add(row);
        _unsaved.Add(row);
        await FlushAsync(cancellationToken);
        var count = CountOf(entity);
        count.Inserted++;
        count.Placeholders++;
        await NoteAsync(entry, JobLogLevel.Warning, message, "placeholder", null, cancellationToken);
    }

    /// <summary>Sets the ids of what the row names; an error when it cannot exist without one.</summary>
    async Task<string?> ResolveAsync(BookEntry entry, ErpRow row, CancellationToken cancellationToken)
    {
        switch (row)
        {
            case AccountGroup group:
                group.ParentId = _names.IdOf<AccountGroup>(group.ParentName);
                break;
            case Unit unit:
                unit.BaseUnitId = _names.IdOf<Unit>(unit.BaseUnitSymbol);
                unit.AdditionalUnitId = _names.IdOf<Unit>(unit.AdditionalUnitSymbol);
                break;
            case Warehouse warehouse:
                warehouse.ParentId = _names.IdOf<Warehouse>(warehouse.ParentName);
                break;
            case Ledger ledger:
                ledger.GroupId = _names.IdOf<AccountGroup>(ledger.GroupName)
                    ?? (ledger.GroupName == BookOptions.SuspenseGroup ? await SuspenseGroupAsync(entry, cancellationToken) : null);
                break;
            case Contact contact:
                contact.LedgerId = _names.IdOf<Ledger>(contact.DisplayName);
                break;
            case Product product:
                product.UnitId = _names.IdOf<Unit>(product.UnitSymbol);
                break;
            case StockMovement movement:
                if (_names.IdOf<Product>(movement.ItemName) is not { } productId)
                {
                    return $"item '{movement.ItemName}' does not exist";
                }
                movement.ProductId = productId;
                movement.WarehouseId = _names.IdOf<Warehouse>(movement.WarehouseName);
                break;
        }
        return null;
    }

    void Resolve(Voucher voucher)
    {
        voucher.PartyLedgerId = _names.IdOf<Ledger>(voucher.PartyName);
        foreach (var line in voucher.LedgerLines)
        {
            line.OrganizationId = Organization;
            line.LedgerId = _names.IdOf<Ledger>(line.LedgerName);
        }
        foreach (var line in voucher.InventoryLines)
        {
            line.OrganizationId = Organization;
            line.ProductId = _names.IdOf<Product>(line.ItemName);
            line.WarehouseId = _names.IdOf<Warehouse>(line.WarehouseName);
        }
    }

    async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _db.SaveChangesAsync(cancellationToken);
        foreach (var row in _unsaved)
        {
            _names.Add(row);
        }
        _unsaved.Clear();
    }

    /// <summary>The rows the batch's masters already have in the ERP, by GUID or natural key, tracked for changes.</summary>
    async Task<MasterMatches> ExistingMastersAsync(IReadOnlyList<BookEntry> batch, CancellationToken cancellationToken)
    {
        var found = new List<ErpRow>();
        foreach (var rows in batch.Where(e => e.SkipReason is null && e.Error is null && e.Row is { } r && r is not Voucher).Select(e => e.Row!).GroupBy(r => r.GetType()))
        {
            var keys = rows.Select(r => r.NaturalKey).Distinct(StringComparer.Ordinal).ToList();
            var guids = rows.Select(GuidOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            found.AddRange(rows.Key switch
            {
                _ when rows.Key == typeof(CompanyProfile) => await LoadAsync(_db.CompanyProfiles, keys, [], cancellationToken),
                _ when rows.Key == typeof(AccountGroup) => await LoadAsync(_db.AccountGroups, keys, guids, cancellationToken),
                _ when rows.Key == typeof(Unit) => await LoadAsync(_db.Units, keys, guids, cancellationToken),
                _ when rows.Key == typeof(Warehouse) => await LoadAsync(_db.Warehouses, keys, guids, cancellationToken),
                _ when rows.Key == typeof(Ledger) => await LoadAsync(_db.Ledgers, keys, guids, cancellationToken),
                _ when rows.Key == typeof(Contact) => await LoadAsync(_db.Contacts, keys, guids, cancellationToken),
                _ when rows.Key == typeof(Product) => await LoadAsync(_db.Products, keys, guids, cancellationToken),
                _ when rows.Key == typeof(StockMovement) => await LoadAsync(_db.StockMovements, keys, [], cancellationToken),
                _ => throw new InvalidOperationException($"{rows.Key.Name} is not a master."),
            });
        }
        return new MasterMatches(found);
    }

    async Task<List<ErpRow>> LoadAsync<T>(DbSet<T> set, List<string> keys, List<string> guids, CancellationToken cancellationToken) where T : ErpRow
    {
        var rows = set.IgnoreQueryFilters([FerryDbContext.TenantFilter]).AsTracking().Where(r => r.OrganizationId == Organization);
        var found = guids.Count == 0
            ? await rows.Where(r => keys.Contains(r.NaturalKey)).ToListAsync(cancellationToken)
            : await rows.Where(r => keys.Contains(r.NaturalKey) || guids.Contains(EF.Property<string>(r, "SourceGuid"))).ToListAsync(cancellationToken);
        return [.. found];
    }

    static string? GuidOf(ErpRow row) => row switch
    {
        AccountGroup g => g.SourceGuid,
        Unit u => u.SourceGuid,
        Warehouse w => w.SourceGuid,
        Ledger l => l.SourceGuid,
        Contact c => c.SourceGuid,
        Product p => p.SourceGuid,
        _ => null,
    };

    /// <summary>ERP rows by source GUID and by natural key, per type; a GUID match wins (the row may have been renamed).</summary>
    sealed class MasterMatches(List<ErpRow> found)
    {
        readonly Dictionary<(Type, string), ErpRow> _byGuid = found.Where(r => GuidOf(r) is not null)
            .GroupBy(r => (r.GetType(), GuidOf(r)!)).ToDictionary(g => g.Key, g => g.First());

        readonly Dictionary<(Type, string), ErpRow> _byKey = found.ToDictionary(r => (r.GetType(), r.NaturalKey));

        public ErpRow? Find(ErpRow row) =>
            GuidOf(row) is { } guid && _byGuid.TryGetValue((row.GetType(), guid), out var byGuid) ? byGuid
            : _byKey.GetValueOrDefault((row.GetType(), row.NaturalKey));

        /// <summary>A row inserted in this batch, so a repeat of its key later in the batch finds it.</summary>
        public void Add(ErpRow row) => _byKey.TryAdd((row.GetType(), row.NaturalKey), row);
    }

    async Task<bool> KeyTakenAsync(ErpRow row, CancellationToken cancellationToken)
    {
        var type = row.GetType();
        if (_names.Knows(type))
        {
            return _names.Taken(type, row.NaturalKey);
        }
        var entity = _db.Model.FindEntityType(type)!;
        var table = ErpTable.For(_db, type);
        var connection = _db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = _transaction!;
        command.CommandText = $"SELECT COUNT(*) FROM {entity.GetTableName()} WHERE organization_id = @org AND natural_key = @key";
        command.Parameters.Add(table.Parameter(command, "organization_id", "org", Organization));
        command.Parameters.Add(table.Parameter(command, "natural_key", "key", row.NaturalKey));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    async Task<VoucherMatches> ExistingVouchersAsync(IReadOnlyList<BookEntry> batch, CancellationToken cancellationToken)
    {
        var vouchers = batch.Where(e => e.SkipReason is null && e.Error is null).Select(e => e.Row).OfType<Voucher>().ToList();
        if (vouchers.Count == 0)
        {
            return new VoucherMatches([]);
        }
        var keys = vouchers.Select(v => v.NaturalKey).ToList();
        var guids = vouchers.Select(v => v.SourceGuid).OfType<string>().ToList();
        var found = await _db.Vouchers.IgnoreQueryFilters([FerryDbContext.TenantFilter]).AsTracking()
            .Include(v => v.LedgerLines).Include(v => v.InventoryLines)
            .Where(v => v.OrganizationId == Organization && (keys.Contains(v.NaturalKey) || (v.SourceGuid != null && guids.Contains(v.SourceGuid))))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new VoucherMatches(found);
    }

    sealed class VoucherMatches(List<Voucher> found)
    {
        readonly Dictionary<string, Voucher> _byGuid = found.Where(v => v.SourceGuid is not null).GroupBy(v => v.SourceGuid!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        readonly Dictionary<string, Voucher> _byKey = found.ToDictionary(v => v.NaturalKey, StringComparer.Ordinal);

        public Voucher? Find(Voucher voucher) =>
            voucher.SourceGuid is { } guid && _byGuid.TryGetValue(guid, out var byGuid) ? byGuid
            : _byKey.GetValueOrDefault(voucher.NaturalKey);
    }

    void Stamp(ErpRow row, BookEntry entry, DateTime now)
    {
        row.OrganizationId = Organization;
        row.CreatedJobId = _context.JobId;
        row.LastJobId = _context.JobId;
        row.SourceLocation = entry.Location;
        row.CreatedAt = now;
        row.UpdatedAt = now;
    }

    void Journal(ErpRow existing, Dictionary<string, object?> before, string table)
    {
        // Journaled even when no column changed: a voucher whose lines alone changed needs its provenance back on rollback.
        if (existing.CreatedJobId == _context.JobId)
        {
            return;
        }
        var entry = _db.Entry(existing);
        before["last_job_id"] = entry.Property(nameof(ErpRow.LastJobId)).OriginalValue;
        before["source_location"] = entry.Property(nameof(ErpRow.SourceLocation)).OriginalValue;
        before["updated_at"] = entry.Property(nameof(ErpRow.UpdatedAt)).OriginalValue;
        _db.RollbackJournal.Add(new RollbackJournalEntry
        {
            OrganizationId = Organization,
            JobId = _context.JobId,
            TableName = table,
            RowId = existing.Id,
            BeforeImage = BeforeImage.Serialize(before),
            CreatedAt = DateTime.UtcNow,
        });
    }

    string TableOf(ErpRow row) => _db.Model.FindEntityType(row.GetType())!.GetTableName()!;

    async Task NoteAsync(BookEntry entry, JobLogLevel level, string message, string operation, string? errorCode, CancellationToken cancellationToken)
    {
        if (_report is not null)
        {
            if (level is JobLogLevel.Error or JobLogLevel.Warning)
            {
                _report.AddIssue(new RecordIssue(entry.Sequence, entry.Location, null, errorCode ?? ErrorCodes.ValidationFailed, message, null,
                    level == JobLogLevel.Error ? IssueSeverity.Error : IssueSeverity.Warning));
            }
            return;
        }
        await _log!.WriteAsync(_transaction!, level, message, operation, entry.Sequence, entry.Location, errorCode, null, cancellationToken);
    }

    static string Explain(string reason) => reason switch
    {
        "cancelled" => "it is cancelled in Tally",
        "deleted" => "it is deleted in Tally",
        "optional" => "it is an optional voucher",
        "memorandum" => "memorandum vouchers do not touch the books",
        "order" => "orders do not touch the books",
        _ => "its type does not post to the books",
    };

    static string Singular(string entity) => entity switch
    {
        BookEntities.OpeningStock => "opening_stock",
        BookEntities.Company => "company",
        _ => entity.TrimEnd('s'),
    };

    static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public async ValueTask DisposeAsync()
    {
        await DiscardAsync();
        await _fence.DisposeAsync();
        _log?.Dispose();
    }
}
