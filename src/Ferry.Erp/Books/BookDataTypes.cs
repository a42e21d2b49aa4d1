using Ferry.Core.Jobs;

namespace Ferry.Erp.Books;

/// <summary>Which of a job's data types each book entity belongs to, so a job can import part of the books.</summary>
public static class BookDataTypes
{
    public static string Of(string entity) => entity switch
    {
        BookEntities.Company => DataTypes.Company,
        BookEntities.AccountGroups or BookEntities.Ledgers => DataTypes.Ledgers,
        BookEntities.Contacts => DataTypes.Contacts,
        BookEntities.Units or BookEntities.Warehouses or BookEntities.Products => DataTypes.Products,
        BookEntities.OpeningStock => DataTypes.Stock,
        _ => DataTypes.Vouchers,
    };

    /// <summary>The data types of the entities a source holds, in the API's order.</summary>
    public static IEnumerable<string> Present(IReadOnlyDictionary<string, long> entities) =>
        DataTypes.All.Where(type => entities.Any(e => e.Value > 0 && Of(e.Key) == type));

    /// <summary>True when the job imports the entity; a job without data types imports everything.</summary>
    public static bool Selected(string entity, IReadOnlyCollection<string> dataTypes) => dataTypes.Count == 0 || dataTypes.Contains(Of(entity));
}
