namespace Ferry.Erp.Books;

/// <summary>The entities of a whole-books import, in the order they are written, by the names reports use.</summary>
public static class BookEntities
{
    public const string Company = "company";
    public const string AccountGroups = "account_groups";
    public const string Units = "units";
    public const string Warehouses = "warehouses";
    public const string Ledgers = "ledgers";
    public const string Contacts = "contacts";
    public const string Products = "products";
    public const string OpeningStock = "opening_stock";
    public const string Vouchers = "vouchers";

    public static readonly IReadOnlyList<string> All =
        [Company, AccountGroups, Units, Warehouses, Ledgers, Contacts, Products, OpeningStock, Vouchers];
}
