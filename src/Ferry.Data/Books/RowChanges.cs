using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ferry.Data.Books;

/// <summary>
/// Brings a tracked ERP row up to what the source says: every value the source has is written, values it leaves
/// empty stay. What changed is returned as a before-image (column → stored value), empty when nothing did.
/// </summary>
static class RowChanges
{
    static readonly HashSet<string> Provenance = new(StringComparer.Ordinal)
    {
        nameof(ErpRow.Id), nameof(ErpRow.OrganizationId), nameof(ErpRow.NaturalKey), nameof(ErpRow.CreatedJobId),
        nameof(ErpRow.LastJobId), nameof(ErpRow.SourceLocation), nameof(ErpRow.CreatedAt), nameof(ErpRow.UpdatedAt),
    };

    public static Dictionary<string, object?> Apply(EntityEntry existing, object source)
    {
        var before = new Dictionary<string, object?>(StringComparer.Ordinal);
        Apply(existing, source, before);
        foreach (var navigation in existing.Navigations.OfType<ReferenceEntry>().Where(n => n.Metadata.TargetEntityType.IsOwned()))
        {
            if (navigation.TargetEntry is { } owned && navigation.Metadata.PropertyInfo?.GetValue(source) is { } ownedSource)
            {
                Apply(owned, ownedSource, before);
            }
        }
        return before;
    }

    /// <summary>Puts every changed value back, so a row the strategy keeps is not written.</summary>
    public static void Revert(EntityEntry entry)
    {
        foreach (var e in (IEnumerable<EntityEntry>)[entry, .. entry.Navigations.OfType<ReferenceEntry>().Select(n => n.TargetEntry).OfType<EntityEntry>()])
        {
            foreach (var property in e.Properties.Where(p => p.IsModified))
            {
                property.CurrentValue = property.OriginalValue;
                property.IsModified = false;
            }
        }
    }

    static void Apply(EntityEntry entry, object source, Dictionary<string, object?> before)
    {
        var table = StoreObjectIdentifier.Table(entry.Metadata.GetTableName()!, null);
        foreach (var property in entry.Properties)
        {
            var metadata = property.Metadata;
            if (metadata.PropertyInfo is not { } info || metadata.IsKey() || Provenance.Contains(metadata.Name))
            {
                continue;
            }
            var value = info.GetValue(source);
            if (value is null || metadata.GetValueComparer().Equals(property.CurrentValue, value))
            {
                continue;
            }
            var column = metadata.GetColumnName(table)!;
            before[column] = metadata.GetTypeMapping().Converter is { } converter && property.OriginalValue is { } original
                ? converter.ConvertToProvider(original)
                : property.OriginalValue;
            property.CurrentValue = value;
        }
    }
}
