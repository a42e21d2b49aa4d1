using System.Text.Json;
using Ferry.Core.Jobs;
using Ferry.Core.Pipeline;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Data.Workflow;
using Ferry.Erp.Books;
using Ferry.Erp.Model;
using Ferry.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Data.Tests.Books;

/// <summary>A whole-books import through the workflow a user follows (upload, map, validate, execute), and what it left in the ERP.</summary>
static class BookImports
{
    static readonly string[] Tenant = [FerryDbContext.TenantFilter];

    static readonly JsonSerializerOptions Snake = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Creates a books job, uploads the export and maps it (books need no field mappings); the job is ready to validate.</summary>
    public static async Task<Guid> PrepareBooksAsync(this TestDatabase database, Guid organizationId, TallyXmlBuilder book,
        ConflictStrategy strategy = ConflictStrategy.Skip, IReadOnlyList<string>? dataTypes = null, BookOptions? options = null,
        int batchSize = 100, TallyFileEncoding encoding = TallyFileEncoding.Utf16LeBom)
    {
        var job = await database.WorkflowAsync(organizationId, w => w.CreateAsync(organizationId, null,
            new NewJob("Books", null, SourceType.Tally, dataTypes ?? [], strategy, batchSize, options), Ct));
        await database.WorkflowAsync(organizationId, async w =>
        {
            using var content = new MemoryStream(book.Bytes(encoding));
            return await w.UploadAsync(job.Id, content, "daybook.xml", null, Ct);
        });
        var mapping = await database.WorkflowAsync(organizationId, w => w.AutoMapAsync(job.Id, Ct));
        Assert.Empty(mapping.Mappings);
        return job.Id;
    }

    /// <summary>Validates the prepared job (a dry run), queues it and lets a worker run until nothing is left.</summary>
    public static async Task<(MigrationJob Job, ValidationReport Report)> ValidateAndRunAsync(this TestDatabase database, Guid organizationId, Guid jobId)
    {
        var report = await database.WorkflowAsync(organizationId, w => w.ValidateAsync(jobId, Ct));
        await database.WorkflowAsync(organizationId, w => w.ExecuteAsync(jobId, Ct));
        await database.RunWorkerUntilIdleAsync();
        return (await database.JobAsync(jobId), report);
    }

    public static async Task<MigrationJob> ImportBooksAsync(this TestDatabase database, Guid organizationId, TallyXmlBuilder book,
        ConflictStrategy strategy = ConflictStrategy.Skip, IReadOnlyList<string>? dataTypes = null, BookOptions? options = null,
        TallyFileEncoding encoding = TallyFileEncoding.Utf16LeBom)
    {
        var jobId = await database.PrepareBooksAsync(organizationId, book, strategy, dataTypes, options, encoding: encoding);
        return (await database.ValidateAndRunAsync(organizationId, jobId)).Job;
    }

    public static Dictionary<string, EntityCount> EntityCounts(MigrationJob job) =>
        JsonSerializer.Deserialize<Dictionary<string, EntityCount>>(job.EntityCounts ?? "{}", Snake)!;

    public static JsonDocument Reconciliation(MigrationJob job) => JsonDocument.Parse(job.Reconciliation!);

    public static async Task<List<T>> RowsAsync<T>(this TestDatabase database, Guid organizationId) where T : ErpRow
    {
        await using var db = database.System();
        return await db.Set<T>().IgnoreQueryFilters(Tenant).Where(r => r.OrganizationId == organizationId).OrderBy(r => r.Id).ToListAsync(Ct);
    }

    public static async Task<Dictionary<string, Voucher>> VouchersAsync(this TestDatabase database, Guid organizationId)
    {
        await using var db = database.System();
        return await db.Vouchers.IgnoreQueryFilters(Tenant).Where(v => v.OrganizationId == organizationId)
            .Include(v => v.LedgerLines.OrderBy(l => l.LineNo)).Include(v => v.InventoryLines.OrderBy(l => l.LineNo))
            .AsSplitQuery().ToDictionaryAsync(v => v.Number, Ct);
    }

    /// <summary>How many rows each ERP table holds for the organization, voucher lines included.</summary>
    public static async Task<Dictionary<string, int>> RowCountsAsync(this TestDatabase database, Guid organizationId)
    {
        await using var db = database.System();
        return new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["company"] = await db.CompanyProfiles.IgnoreQueryFilters(Tenant).CountAsync(r => r.OrganizationId == organizationId, Ct),
            ["account_groups"] = await db.AccountGroups.IgnoreQueryFilters(Tenant).CountAsync(r => r.OrganizationId == organizationId, Ct),
            ["units"] = await db.Units.IgnoreQueryFilters(Tenant).CountAsync(r => r.OrganizationId == organizationId, Ct),
            ["warehouses"] = await db.Warehouses.IgnoreQueryFilters(Tenant).CountAsync(r => r.OrganizationId == organizationId, Ct),
            ["ledgers"] = await db.Ledgers.IgnoreQueryFilters(Tenant).CountAsync(r => r.OrganizationId == organizationId, Ct),
            ["contacts"] = await db.Contacts.IgnoreQueryFilters(Tenant).CountAsync(r => r.OrganizationId == organizationId, Ct),
            ["products"] = await db.Products.IgnoreQueryFilters(Tenant).CountAsync(r => r.OrganizationId == organizationId, Ct),
            ["opening_stock"] = await db.StockMovements.IgnoreQueryFilters(Tenant).CountAsync(r => r.OrganizationId == organizationId, Ct),
            ["vouchers"] = await db.Vouchers.IgnoreQueryFilters(Tenant).CountAsync(r => r.OrganizationId == organizationId, Ct),
            ["voucher_ledger_lines"] = await db.VoucherLedgerLines.IgnoreQueryFilters(Tenant).CountAsync(r => r.OrganizationId == organizationId, Ct),
            ["voucher_inventory_lines"] = await db.VoucherInventoryLines.IgnoreQueryFilters(Tenant).CountAsync(r => r.OrganizationId == organizationId, Ct),
        };
    }
}
