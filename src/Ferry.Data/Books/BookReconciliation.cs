using System.Text.Json;
using Ferry.Erp.Books;
using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Data.Books;

/// <summary>
/// The source's totals against what the ERP holds after the import: per entity, how many of the source's objects
/// the ERP has; per voucher type, count and debit/credit totals in the period the source covers; and the opening
/// trial balance of both sides. Amounts are summed as decimals in the application, never by the database.
/// </summary>
public sealed record BookReconciliation(
    IReadOnlyDictionary<string, EntityReconciliation> Entities,
    IReadOnlyDictionary<string, VoucherTypeReconciliation> VouchersByType,
    TrialBalanceReconciliation OpeningTrialBalance,
    DateOnly? PeriodFrom,
    DateOnly? PeriodTo,
    IReadOnlyDictionary<string, long> SkippedVouchers,
    long UnbalancedVouchers,
    bool Matches)
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The reconciliation of the entities of the job's <paramref name="dataTypes"/> (all when empty).</summary>
    internal static async Task<BookReconciliation> BuildAsync(FerryDbContext db, Guid organizationId, IBook book, IReadOnlyCollection<string> dataTypes,
        string adjustmentLedger, CancellationToken cancellationToken)
    {
        var totals = book.Totals;
        var entities = new Dictionary<string, EntityReconciliation>(StringComparer.Ordinal);
        foreach (var group in book.Masters.Where(m => m.Row is not null && BookDataTypes.Selected(m.Entity, dataTypes)).GroupBy(m => m.Entity))
        {
            var keys = group.Select(m => m.Row!.NaturalKey).Distinct(StringComparer.Ordinal).ToList();
            var found = await CountFoundAsync(db, group.First().Row!.GetType(), organizationId, keys, cancellationToken);
            entities[group.Key] = new EntityReconciliation(keys.Count, found);
        }

        var byType = new Dictionary<string, VoucherTypeReconciliation>(StringComparer.Ordinal);
        var vouchers = BookDataTypes.Selected(BookEntities.Vouchers, dataTypes);
        var erp = vouchers
            ? await VoucherTotalsAsync(db, organizationId, totals.FirstVoucherDate, totals.LastVoucherDate, cancellationToken)
            : [];
        foreach (var type in (vouchers ? totals.VoucherTypes.Keys : []).Union(erp.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var source = totals.VoucherTypes.GetValueOrDefault(type) ?? new VoucherTypeTotal(0, 0, 0);
            var target = erp.GetValueOrDefault(type) ?? new VoucherTypeTotal(0, 0, 0);
            byType[type] = new VoucherTypeReconciliation(source, target, source == target);
        }
        if (vouchers)
        {
            entities[BookEntities.Vouchers] = new EntityReconciliation(totals.VoucherTypes.Values.Sum(t => t.Count), erp.Values.Sum(t => t.Count));
        }

        var openings = await OpeningsAsync(db, organizationId, cancellationToken);
        var adjustment = await db.Ledgers.IgnoreQueryFilters([FerryDbContext.TenantFilter])
            .Where(l => l.OrganizationId == organizationId && l.NaturalKey == Erp.Schemas.NaturalKeys.Normalize(adjustmentLedger))
            .Select(l => new { l.OpeningBalance, l.OpeningBalanceSide })
            .FirstOrDefaultAsync(cancellationToken);
        var trialBalance = new TrialBalanceReconciliation(
            new TrialBalanceSide(totals.Openings.Debit, totals.Openings.Credit, totals.Openings.StockValue, totals.Openings.Difference),
            new TrialBalanceSide(openings.Debit, openings.Credit, openings.StockValue, openings.Difference),
            adjustment is null ? null : new Adjustment(adjustmentLedger, adjustment.OpeningBalance, adjustment.OpeningBalanceSide));

        var matches = entities.Values.All(e => e.Difference == 0) && byType.Values.All(t => t.Matches) && openings.Difference == 0;
        return new BookReconciliation(entities, byType, trialBalance, totals.FirstVoucherDate, totals.LastVoucherDate,
            totals.SkippedVouchers, totals.UnbalancedVouchers, matches);
    }

    static async Task<long> CountFoundAsync(FerryDbContext db, Type type, Guid organizationId, List<string> keys, CancellationToken cancellationToken)
    {
        long found = 0;
        foreach (var chunk in keys.Chunk(500))
        {
            found += type switch
            {
                _ when type == typeof(CompanyProfile) => await Count(db.CompanyProfiles, organizationId, chunk, cancellationToken),
                _ when type == typeof(AccountGroup) => await Count(db.AccountGroups, organizationId, chunk, cancellationToken),
                _ when type == typeof(Unit) => await Count(db.Units, organizationId, chunk, cancellationToken),
                _ when type == typeof(Warehouse) => await Count(db.Warehouses, organizationId, chunk, cancellationToken),
                _ when type == typeof(Ledger) => await Count(db.Ledgers, organizationId, chunk, cancellationToken),
                _ when type == typeof(Contact) => await Count(db.Contacts, organizationId, chunk, cancellationToken),
                _ when type == typeof(Product) => await Count(db.Products, organizationId, chunk, cancellationToken),
                _ => await Count(db.StockMovements, organizationId, chunk, cancellationToken),
            };
        }
        return found;
    }

    static Task<int> Count<T>(DbSet<T> set, Guid organizationId, string[] keys, CancellationToken cancellationToken) where T : ErpRow =>
        set.IgnoreQueryFilters([FerryDbContext.TenantFilter]).CountAsync(r => r.OrganizationId == organizationId && keys.Contains(r.NaturalKey), cancellationToken);

    static async Task<Dictionary<string, VoucherTypeTotal>> VoucherTotalsAsync(FerryDbContext db, Guid organizationId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, VoucherTypeTotal>(StringComparer.Ordinal);
        if (from is null || to is null)
        {
            return result;
        }
        var vouchers = db.Vouchers.IgnoreQueryFilters([FerryDbContext.TenantFilter])
            .Where(v => v.OrganizationId == organizationId && v.Date >= from && v.Date <= to);
        var counts = await vouchers.GroupBy(v => v.VoucherTypeName ?? v.VoucherType)
            .Select(g => new { Type = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Type, g => g.Count, StringComparer.Ordinal, cancellationToken);
        var sums = counts.Keys.ToDictionary(k => k, _ => (Debit: 0m, Credit: 0m), StringComparer.Ordinal);
        var lines = db.VoucherLedgerLines.IgnoreQueryFilters([FerryDbContext.TenantFilter])
            .Join(vouchers, l => l.VoucherId, v => v.Id, (l, v) => new { Type = v.VoucherTypeName ?? v.VoucherType, l.Debit, l.Credit })
            .AsAsyncEnumerable();
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            var sum = sums[line.Type];
            sums[line.Type] = (sum.Debit + line.Debit, sum.Credit + line.Credit);
        }
        foreach (var (type, count) in counts)
        {
            result[type] = new VoucherTypeTotal(count, sums[type].Debit, sums[type].Credit);
        }
        return result;
    }

    static async Task<OpeningBalances> OpeningsAsync(FerryDbContext db, Guid organizationId, CancellationToken cancellationToken)
    {
        decimal debit = 0, credit = 0, stock = 0;
        var ledgers = db.Ledgers.IgnoreQueryFilters([FerryDbContext.TenantFilter]).Where(l => l.OrganizationId == organizationId)
            .Select(l => new { l.OpeningBalance, l.OpeningBalanceSide }).AsAsyncEnumerable();
        await foreach (var ledger in ledgers.WithCancellation(cancellationToken))
        {
            if (ledger.OpeningBalanceSide == "Dr")
            {
                debit += ledger.OpeningBalance;
            }
            else
            {
                credit += ledger.OpeningBalance;
            }
        }
        var movements = db.StockMovements.IgnoreQueryFilters([FerryDbContext.TenantFilter])
            .Where(m => m.OrganizationId == organizationId && m.MovementType == "opening").Select(m => m.Value).AsAsyncEnumerable();
        await foreach (var value in movements.WithCancellation(cancellationToken))
        {
            stock += value ?? 0;
        }
        return new OpeningBalances(debit, credit, stock);
    }
}

/// <summary>How many distinct objects the source has, and how many of them the ERP holds.</summary>
public sealed record EntityReconciliation(long Source, long Erp)
{
    public long Difference => Source - Erp;
}

public sealed record VoucherTypeReconciliation(VoucherTypeTotal Source, VoucherTypeTotal Erp, bool Matches);

public sealed record TrialBalanceReconciliation(TrialBalanceSide Source, TrialBalanceSide Erp, Adjustment? Adjustment);

public sealed record TrialBalanceSide(decimal Debit, decimal Credit, decimal StockValue, decimal Difference);

public sealed record Adjustment(string Ledger, decimal Amount, string Side);
