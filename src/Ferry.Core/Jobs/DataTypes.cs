namespace Ferry.Core.Jobs;

/// <summary>The ERP data types a job can import, by the names the API uses.</summary>
public static class DataTypes
{
    public const string Contacts = "contacts";
    public const string Products = "products";
    public const string Ledgers = "ledgers";
    public const string Vouchers = "vouchers";
    public const string Stock = "stock";
    public const string Company = "company";

    public static readonly IReadOnlyList<string> All = [Contacts, Products, Ledgers, Vouchers, Stock, Company];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
