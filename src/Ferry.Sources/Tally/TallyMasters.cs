namespace Ferry.Sources.Tally;

/// <summary>
/// The masters of a file, merged by name: Tally emits a master again wherever it is referenced, so the first non-empty
/// value of each field is kept.
/// </summary>
public sealed class TallyMasters
{
    readonly Dictionary<string, TallyGroup> _groups = new(StringComparer.Ordinal);
    readonly Dictionary<string, TallyLedger> _ledgers = new(StringComparer.Ordinal);
    readonly Dictionary<string, TallyStockGroup> _stockGroups = new(StringComparer.Ordinal);
    readonly Dictionary<string, TallyStockCategory> _stockCategories = new(StringComparer.Ordinal);
    readonly Dictionary<string, TallyStockItem> _stockItems = new(StringComparer.Ordinal);
    readonly Dictionary<string, TallyUnit> _units = new(StringComparer.Ordinal);
    readonly Dictionary<string, TallyGodown> _godowns = new(StringComparer.Ordinal);
    readonly Dictionary<string, TallyVoucherType> _voucherTypes = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, TallyGroup> Groups => _groups;
    public IReadOnlyDictionary<string, TallyLedger> Ledgers => _ledgers;
    public IReadOnlyDictionary<string, TallyStockGroup> StockGroups => _stockGroups;
    public IReadOnlyDictionary<string, TallyStockCategory> StockCategories => _stockCategories;
    public IReadOnlyDictionary<string, TallyStockItem> StockItems => _stockItems;
    public IReadOnlyDictionary<string, TallyUnit> Units => _units;
    public IReadOnlyDictionary<string, TallyGodown> Godowns => _godowns;
    public IReadOnlyDictionary<string, TallyVoucherType> VoucherTypes => _voucherTypes;

    /// <summary>Adds a master; returns false for anything that is not one (vouchers, the footer, unknown objects).</summary>
    public bool Add(TallyObject item)
    {
        switch (item)
        {
            case TallyGroup g:
                Merge(_groups, g.Name, g, (a, b) => a with
                {
                    Parent = a.Parent ?? b.Parent,
                    ReservedName = a.ReservedName ?? b.ReservedName,
                    IsRevenue = a.IsRevenue ?? b.IsRevenue,
                    IsDeemedPositive = a.IsDeemedPositive ?? b.IsDeemedPositive,
                    AffectsGrossProfit = a.AffectsGrossProfit ?? b.AffectsGrossProfit,
                    Guid = a.Guid ?? b.Guid,
                });
                return true;
            case TallyLedger l:
                Merge(_ledgers, l.Name, l, (a, b) => a with
                {
                    Parent = a.Parent ?? b.Parent,
                    ReservedName = a.ReservedName ?? b.ReservedName,
                    Guid = a.Guid ?? b.Guid,
                    OpeningBalance = a.OpeningBalance ?? b.OpeningBalance,
                    Party = Merge(a.Party, b.Party),
                    Bills = a.Bills.Count > 0 ? a.Bills : b.Bills,
                });
                return true;
            case TallyStockGroup s:
                Merge(_stockGroups, s.Name, s, (a, b) => a with { Parent = a.Parent ?? b.Parent, Guid = a.Guid ?? b.Guid });
                return true;
            case TallyStockCategory c:
                Merge(_stockCategories, c.Name, c, (a, b) => a with { Parent = a.Parent ?? b.Parent, Guid = a.Guid ?? b.Guid });
                return true;
            case TallyGodown d:
                Merge(_godowns, d.Name, d, (a, b) => a with { Parent = a.Parent ?? b.Parent, Guid = a.Guid ?? b.Guid });
                return true;
            case TallyUnit u:
                Merge(_units, u.Name, u, (a, b) => a with
                {
                    OriginalName = a.OriginalName ?? b.OriginalName,
                    BaseUnits = a.BaseUnits ?? b.BaseUnits,
                    AdditionalUnits = a.AdditionalUnits ?? b.AdditionalUnits,
                    Conversion = a.Conversion ?? b.Conversion,
                    DecimalPlaces = a.DecimalPlaces ?? b.DecimalPlaces,
                    Guid = a.Guid ?? b.Guid,
                });
                return true;
            case TallyStockItem i:
                Merge(_stockItems, i.Name, i, (a, b) => a with
                {
                    Parent = a.Parent ?? b.Parent,
                    Category = a.Category ?? b.Category,
                    BaseUnit = a.BaseUnit ?? b.BaseUnit,
                    Hsn = a.Hsn ?? b.Hsn,
                    GstRate = a.GstRate ?? b.GstRate,
                    OpeningQuantity = a.OpeningQuantity ?? b.OpeningQuantity,
                    OpeningRate = a.OpeningRate ?? b.OpeningRate,
                    OpeningValue = a.OpeningValue ?? b.OpeningValue,
                    OpeningBatches = a.OpeningBatches.Count > 0 ? a.OpeningBatches : b.OpeningBatches,
                    Guid = a.Guid ?? b.Guid,
                });
                return true;
            case TallyVoucherType t:
                Merge(_voucherTypes, t.Name, t, (a, b) => a with
                {
                    Parent = a.Parent ?? b.Parent,
                    ReservedName = a.ReservedName ?? b.ReservedName,
                    Guid = a.Guid ?? b.Guid,
                });
                return true;
            default:
                return false;
        }
    }

    static void Merge<T>(Dictionary<string, T> masters, string name, T item, Func<T, T, T> merge)
    {
        if (name.Length == 0)
        {
            return;
        }
        masters[name] = masters.TryGetValue(name, out var first) ? merge(first, item) : item;
    }

    static TallyParty Merge(TallyParty a, TallyParty b) => a with
    {
        MailingName = a.MailingName ?? b.MailingName,
        Address = a.Address.Count > 0 ? a.Address : b.Address,
        State = a.State ?? b.State,
        Pincode = a.Pincode ?? b.Pincode,
        Country = a.Country ?? b.Country,
        Gstin = a.Gstin ?? b.Gstin,
        GstRegistrationType = a.GstRegistrationType ?? b.GstRegistrationType,
        PlaceOfSupply = a.PlaceOfSupply ?? b.PlaceOfSupply,
        Pan = a.Pan ?? b.Pan,
        Phone = a.Phone ?? b.Phone,
        Mobile = a.Mobile ?? b.Mobile,
        Email = a.Email ?? b.Email,
    };
}
