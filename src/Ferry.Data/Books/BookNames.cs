using Ferry.Erp.Model;
using Ferry.Erp.Schemas;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Data.Books;

/// <summary>
/// The ids of the organization's groups, ledgers, units, warehouses and products by natural key (normalised name),
/// which later objects refer to by name. Loaded once per run; rows the run writes are added as they get their ids.
/// </summary>
sealed class BookNames
{
    readonly Dictionary<Type, Dictionary<string, long>> _ids = [];

    public static readonly Type[] Referenced = [typeof(AccountGroup), typeof(Ledger), typeof(Unit), typeof(Warehouse), typeof(Product)];

    public static async Task<BookNames> LoadAsync(FerryDbContext db, Guid organizationId, CancellationToken cancellationToken)
    {
        var names = new BookNames();
        names._ids[typeof(AccountGroup)] = await Load(db.AccountGroups, organizationId, cancellationToken);
        names._ids[typeof(Ledger)] = await Load(db.Ledgers, organizationId, cancellationToken);
        names._ids[typeof(Unit)] = await Load(db.Units, organizationId, cancellationToken);
        names._ids[typeof(Warehouse)] = await Load(db.Warehouses, organizationId, cancellationToken);
        names._ids[typeof(Product)] = await Load(db.Products, organizationId, cancellationToken);
        return names;
    }

    static Task<Dictionary<string, long>> Load<T>(DbSet<T> set, Guid organizationId, CancellationToken cancellationToken) where T : ErpRow =>
        set.IgnoreQueryFilters([FerryDbContext.TenantFilter]).Where(r => r.OrganizationId == organizationId)
            .ToDictionaryAsync(r => r.NaturalKey, r => r.Id, StringComparer.Ordinal, cancellationToken);

    public long? IdOf<T>(string? name) where T : ErpRow =>
        name is not null && _ids[typeof(T)].TryGetValue(NaturalKeys.Normalize(name), out var id) ? id : null;

    public bool Knows(Type type) => _ids.ContainsKey(type);

    public void Add(ErpRow row)
    {
        if (_ids.TryGetValue(row.GetType(), out var ids))
        {
            ids[row.NaturalKey] = row.Id;
        }
    }

    public void Remove(Type type, string naturalKey)
    {
        if (_ids.TryGetValue(type, out var ids))
        {
            ids.Remove(naturalKey);
        }
    }

    public bool Taken(Type type, string naturalKey) => _ids.TryGetValue(type, out var ids) && ids.ContainsKey(naturalKey);
}
