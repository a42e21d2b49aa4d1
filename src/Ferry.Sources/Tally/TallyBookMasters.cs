using System.Globalization;
using Ferry.Core.Rules;
using Ferry.Erp.Books;
using Ferry.Erp.Model;
using Ferry.Erp.Schemas;

namespace Ferry.Sources.Tally;

/// <summary>
/// Turns the merged masters of a Tally export into ERP rows, in an order where everything a row refers to comes
/// first: company, groups (parents first), units (simple first), godowns, ledgers, the adjustment ledger, parties,
/// stock items, opening stock.
/// </summary>
static class TallyBookMasters
{
    public static List<BookEntry> Entries(TallyMasters masters, string? company, string? state, DateOnly? periodFrom,
        string fileName, BookOptions options, OpeningBalances openings)
    {
        var entries = new List<BookEntry>();
        void Add(string entity, string tag, string name, ErpRow row, IReadOnlyList<string>? warnings = null) =>
            entries.Add(new BookEntry(entries.Count + 1, entity, $"{fileName}: {tag} '{name}'", $"{tag[0]}{tag[1..].ToLowerInvariant()} '{name}'", row)
            {
                Warnings = warnings ?? [],
            });

        if (company is not null)
        {
            Add(BookEntities.Company, "COMPANY", company, new CompanyProfile
            {
                NaturalKey = CompanySchema.Key,
                Name = company,
                State = state,
                FinancialYearStart = periodFrom,
                BooksBeginFrom = periodFrom,
            });
        }
        foreach (var group in ParentsFirst(masters.Groups.Values, g => g.Name, g => g.Parent))
        {
            Add(BookEntities.AccountGroups, "GROUP", group.Name, new AccountGroup
            {
                NaturalKey = NaturalKeys.Normalize(group.Name),
                Name = group.Name,
                ParentName = group.Parent,
                Nature = TallyGroupNature.Of(group.Name, masters.Groups),
                IsReserved = TallyGroupNature.IsReserved(group),
                SourceGuid = group.Guid,
            });
        }
        foreach (var unit in masters.Units.Values.OrderBy(u => u.IsSimple ? 0 : 1))
        {
            Add(BookEntities.Units, "UNIT", unit.Name, new Unit
            {
                NaturalKey = NaturalKeys.Normalize(unit.Name),
                Symbol = unit.Name,
                FormalName = unit.OriginalName,
                DecimalPlaces = unit.DecimalPlaces ?? 0,
                IsCompound = !unit.IsSimple,
                BaseUnitSymbol = unit.IsSimple ? null : unit.BaseUnits,
                AdditionalUnitSymbol = unit.IsSimple ? null : unit.AdditionalUnits,
                Conversion = unit.IsSimple ? null : unit.Conversion,
                SourceGuid = unit.Guid,
            });
        }
        foreach (var godown in ParentsFirst(masters.Godowns.Values, g => g.Name, g => g.Parent))
        {
            Add(BookEntities.Warehouses, "GODOWN", godown.Name, new Warehouse
            {
                NaturalKey = NaturalKeys.Normalize(godown.Name),
                Name = godown.Name,
                ParentName = godown.Parent,
                SourceGuid = godown.Guid,
            });
        }
        foreach (var ledger in masters.Ledgers.Values)
        {
            var warnings = new List<string>();
            var (gstin, pan) = TaxIds(ledger.Party, warnings);
            Add(BookEntities.Ledgers, "LEDGER", ledger.Name, new Ledger
            {
                NaturalKey = NaturalKeys.Normalize(ledger.Name),
                Name = ledger.Name,
                GroupName = ledger.Parent,
                OpeningBalance = Math.Abs(ledger.OpeningBalance ?? 0),
                OpeningBalanceSide = ledger.OpeningBalance < 0 ? "Dr" : "Cr",
                Gstin = gstin,
                Pan = pan,
                State = ledger.Party.State,
                SourceGuid = ledger.Guid,
            }, warnings);
        }
        if (openings.Difference != 0 && !masters.Ledgers.ContainsKey(options.AdjustmentLedger))
        {
            Add(BookEntities.Ledgers, "LEDGER", options.AdjustmentLedger, new Ledger
            {
                NaturalKey = NaturalKeys.Normalize(options.AdjustmentLedger),
                Name = options.AdjustmentLedger,
                GroupName = BookOptions.SuspenseGroup,
                OpeningBalance = Math.Abs(openings.Difference),
                OpeningBalanceSide = openings.Difference > 0 ? "Cr" : "Dr",
            },
            [$"The opening balances leave {Money(Math.Abs(openings.Difference))} {(openings.Difference > 0 ? "Dr" : "Cr")} over; posted to '{options.AdjustmentLedger}' so the opening trial balance ties"]);
        }
        foreach (var ledger in masters.Ledgers.Values)
        {
            if (TallyTables.PartyType(ledger.Parent, masters.Groups) is not { } type)
            {
                continue;
            }
            var party = ledger.Party;
            var warnings = new List<string>();
            var (gstin, pan) = TaxIds(party, warnings);
            Add(BookEntities.Contacts, "LEDGER", ledger.Name, new Contact
            {
                NaturalKey = NaturalKeys.Join(ledger.Name, gstin),
                DisplayName = ledger.Name,
                ContactType = type,
                CompanyName = party.MailingName is { } mailing && mailing != ledger.Name ? mailing : null,
                Email = party.Email,
                Phone = party.Phone,
                Mobile = party.Mobile,
                Gstin = gstin,
                GstTreatment = TallyTables.Treatment(party.GstRegistrationType),
                Pan = pan ?? (gstin is { Length: 15 } ? gstin[2..12] : null),
                PlaceOfSupply = IndianIdentifiers.StateCodeOfGstin(gstin),
                Billing = new Address
                {
                    Line1 = party.Address.Count > 0 ? party.Address[0] : null,
                    Line2 = party.Address.Count > 1 ? string.Join(", ", party.Address.Skip(1)) : null,
                    State = party.State,
                    PinCode = party.Pincode,
                    Country = party.Country,
                },
                OpeningBalance = Math.Abs(ledger.OpeningBalance ?? 0),
                OpeningBalanceSide = ledger.OpeningBalance < 0 ? "Dr" : "Cr",
                SourceGuid = ledger.Guid,
            }, warnings);
        }
        foreach (var item in masters.StockItems.Values)
        {
            Add(BookEntities.Products, "STOCKITEM", item.Name, new Product
            {
                NaturalKey = NaturalKeys.Normalize(item.Name),
                Sku = item.Name,
                Name = item.Name,
                HsnSac = item.Hsn,
                UnitSymbol = item.BaseUnit,
                Category = item.Category ?? item.Parent,
                GstRate = item.GstRate,
                SourceGuid = item.Guid,
            });
        }
        var date = periodFrom ?? DateOnly.MinValue;
        foreach (var item in masters.StockItems.Values)
        {
            foreach (var opening in Openings(item))
            {
                var name = $"{item.Name}{(opening.Godown is null ? "" : " @ " + opening.Godown)}{(opening.Batch is null ? "" : " batch " + opening.Batch)}";
                Add(BookEntities.OpeningStock, "STOCKITEM", name, new StockMovement
                {
                    NaturalKey = NaturalKeys.Join(item.Name, opening.Godown, opening.Batch, "opening", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    ItemName = item.Name,
                    WarehouseName = opening.Godown,
                    MovementDate = date,
                    MovementType = "opening",
                    Batch = opening.Batch,
                    Quantity = opening.Quantity?.Value ?? 0,
                    Rate = opening.Rate?.Value,
                    Value = opening.Value is { } value ? -value : null,
                });
            }
        }
        return entries;
    }

    /// <summary>Ledger openings by side plus the stock's opening value, by Tally's sign rule (negative is debit).</summary>
    public static OpeningBalances OpeningsOf(TallyMasters masters)
    {
        decimal debit = 0, credit = 0, stock = 0;
        foreach (var ledger in masters.Ledgers.Values)
        {
            if (ledger.OpeningBalance is < 0)
            {
                debit -= ledger.OpeningBalance.Value;
            }
            else if (ledger.OpeningBalance is > 0)
            {
                credit += ledger.OpeningBalance.Value;
            }
        }
        foreach (var item in masters.StockItems.Values)
        {
            stock -= item.OpeningValue ?? 0;
        }
        return new OpeningBalances(debit, credit, stock);
    }

    /// <summary>The godown and batch rows of an item's opening stock, or one row for the item when it has none.</summary>
    static IEnumerable<TallyOpeningBatch> Openings(TallyStockItem item)
    {
        if (item.OpeningBatches.Count > 0)
        {
            return item.OpeningBatches;
        }
        return item.OpeningQuantity is { Value: not 0 } || item.OpeningValue is not (null or 0)
            ? [new TallyOpeningBatch(null, null, item.OpeningQuantity, item.OpeningRate, item.OpeningValue)]
            : [];
    }

    static (string? Gstin, string? Pan) TaxIds(TallyParty party, List<string> warnings)
    {
        var gstin = party.Gstin?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (gstin is not null && !IndianIdentifiers.IsValidGstin(gstin))
        {
            warnings.Add($"GSTIN '{party.Gstin}' is not a valid GSTIN and was left empty; correct it in Tally or in the ERP");
            gstin = null;
        }
        var pan = party.Pan?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (pan is not null && !IndianIdentifiers.IsValidPan(pan))
        {
            warnings.Add($"PAN '{party.Pan}' is not a valid PAN and was left empty");
            pan = null;
        }
        return (gstin, pan);
    }

    /// <summary>Every object after its parent when the parent is among them; cycles and missing parents keep file order.</summary>
    static List<T> ParentsFirst<T>(IEnumerable<T> items, Func<T, string> name, Func<T, string?> parent)
    {
        var byName = items.ToDictionary(name, StringComparer.Ordinal);
        var ordered = new List<T>(byName.Count);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        void Visit(T item)
        {
            var key = name(item);
            if (state.ContainsKey(key))
            {
                return;
            }
            state[key] = false;
            if (parent(item) is { } p && byName.TryGetValue(p, out var up))
            {
                Visit(up);
            }
            state[key] = true;
            ordered.Add(item);
        }
        foreach (var item in byName.Values)
        {
            Visit(item);
        }
        return ordered;
    }

    public static string Money(decimal amount) => amount.ToString("N2", CultureInfo.GetCultureInfo("en-IN"));
}
