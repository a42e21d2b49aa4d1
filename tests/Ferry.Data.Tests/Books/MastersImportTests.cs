using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Erp.Model;
using Ferry.Tests.Fixtures;

namespace Ferry.Data.Tests.Books;

/// <summary>Tally masters become the ERP's chart of accounts, parties, units, warehouses, products and opening stock, linked by id.</summary>
public sealed class MastersImportTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Groups_take_their_nature_from_the_reserved_name_or_their_flags_and_link_to_their_parents(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;
        var seeded = (await database.RowsAsync<AccountGroup>(org)).ToDictionary(g => g.Name, g => g.Id);

        var job = await database.ImportBooksAsync(org, SampleBook.Masters());

        Assert.Equal(JobStatus.Completed, job.Status);
        var groups = (await database.RowsAsync<AccountGroup>(org)).ToDictionary(g => g.Name);
        long IdOf(string name) => groups[name].Id;
        Assert.Equal(seeded.Count + SampleBook.NewGroups.Length, groups.Count);
        Assert.All(SampleBook.NewGroups, name => Assert.Equal(job.Id, groups[name].CreatedJobId));
        Assert.All(seeded, s => Assert.Equal(s.Value, IdOf(s.Key)));
        Assert.Equal((AccountNature.Assets, true, IdOf("Current Assets")), Described("Trade Receivables"));
        Assert.Equal((AccountNature.Liabilities, true, IdOf("Current Liabilities")), Described("GST Dues"));
        Assert.Equal((AccountNature.Income, true, (long?)null), Described("Revenue from Operations"));
        Assert.Equal((AccountNature.Expenses, false, (long?)null), Described("Marketing Costs"));
        Assert.Equal((AccountNature.Expenses, false, IdOf("Marketing Costs")), Described("Digital Ads"));
        Assert.Equal((AccountNature.Expenses, false, IdOf("Digital Ads")), Described("Search Ads"));
        Assert.Equal((AccountNature.Income, false, (long?)null), Described("Other Receipts"));
        Assert.Equal("Digital Ads", groups["Search Ads"].ParentName);
        Assert.NotNull(groups["Search Ads"].SourceGuid);
        Assert.Equal("daybook.xml: GROUP 'Search Ads'", groups["Search Ads"].SourceLocation);

        (AccountNature, bool, long?) Described(string name) => (groups[name].Nature, groups[name].IsReserved, groups[name].ParentId);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Ledgers_keep_their_opening_side_and_group_and_parties_become_contacts_linked_to_their_ledger(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;

        var job = await database.ImportBooksAsync(org, SampleBook.Masters());

        Assert.Equal(JobStatus.Completed, job.Status);
        var groups = (await database.RowsAsync<AccountGroup>(org)).ToDictionary(g => g.Name, g => g.Id);
        var ledgers = (await database.RowsAsync<Ledger>(org)).ToDictionary(l => l.Name);
        Assert.Equal(SampleBook.LedgerNames.Order(StringComparer.Ordinal), ledgers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((30000m, "Dr", groups["Cash-in-Hand"]), Opening("Cash"));
        Assert.Equal((20000m, "Dr", groups["Bank Accounts"]), Opening("HDFC Bank"));
        Assert.Equal((59000m, "Cr", groups["Capital Account"]), Opening("Capital"));
        Assert.Equal((0m, groups["Revenue from Operations"]), (ledgers["Sales @18%"].OpeningBalance, ledgers["Sales @18%"].GroupId!.Value));
        Assert.Equal(groups["GST Dues"], ledgers["Output IGST"].GroupId);
        Assert.Equal(groups["Search Ads"], ledgers["Google Ads"].GroupId);
        Assert.Equal((5000m, "Dr", groups["Trade Receivables"]), Opening("Globex Retail"));
        Assert.Equal((2000m, "Cr", groups["Sundry Creditors"]), Opening("Om Plastics"));
        Assert.Equal((ContactsCsv.Gstin(1), ContactsCsv.Gstin(1)[2..12], "Maharashtra"),
            (ledgers["Globex Retail"].Gstin, ledgers["Globex Retail"].Pan, ledgers["Globex Retail"].State));

        var contacts = (await database.RowsAsync<Contact>(org)).ToDictionary(c => c.DisplayName);
        Assert.Equal(["Globex Retail", "Om Plastics"], contacts.Keys.Order(StringComparer.Ordinal));
        var globex = contacts["Globex Retail"];
        Assert.Equal(("customer", ledgers["Globex Retail"].Id, "Globex Retail Pvt Ltd"), (globex.ContactType, globex.LedgerId!.Value, globex.CompanyName));
        Assert.Equal((ContactsCsv.Gstin(1), ContactsCsv.Gstin(1)[2..12], "27", "regular"), (globex.Gstin, globex.Pan, globex.PlaceOfSupply, globex.GstTreatment));
        Assert.Equal(("ap@globex.example", "020-2550000", "9800000001"), (globex.Email, globex.Phone, globex.Mobile));
        Assert.Equal(("12 FC Road", "Shivajinagar, Pune", "Maharashtra", "411005", "India"),
            (globex.Billing.Line1, globex.Billing.Line2, globex.Billing.State, globex.Billing.PinCode, globex.Billing.Country));
        Assert.Equal((5000m, "Dr"), (globex.OpeningBalance, globex.OpeningBalanceSide));
        var om = contacts["Om Plastics"];
        Assert.Equal(("vendor", ledgers["Om Plastics"].Id, (string?)null), (om.ContactType, om.LedgerId!.Value, om.CompanyName));
        Assert.Equal((ContactsCsv.Gstin(2), "regular", "9800000002", "sales@omplastics.example"), (om.Gstin, om.GstTreatment, om.Mobile, om.Email));
        Assert.Equal(("Plot 7, MIDC", "Bhosari", "Maharashtra", "411026"), (om.Billing.Line1, om.Billing.Line2, om.Billing.State, om.Billing.PinCode));
        Assert.Equal((2000m, "Cr"), (om.OpeningBalance, om.OpeningBalanceSide));
        Assert.All(contacts.Values, c => Assert.Equal(job.Id, c.CreatedJobId));

        (decimal, string, long) Opening(string name) => (ledgers[name].OpeningBalance, ledgers[name].OpeningBalanceSide, ledgers[name].GroupId!.Value);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Units_godowns_and_stock_items_become_linked_units_warehouses_products_and_opening_stock(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;
        var mainLocation = Assert.Single(await database.RowsAsync<Warehouse>(org));

        var job = await database.ImportBooksAsync(org, SampleBook.Masters());

        Assert.Equal(JobStatus.Completed, job.Status);
        var units = (await database.RowsAsync<Unit>(org)).ToDictionary(u => u.Symbol);
        Assert.Equal(["Box", "Box of 12 Nos", "Nos"], units.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("Numbers", 2L, false, (long?)null), (units["Nos"].FormalName, units["Nos"].DecimalPlaces, units["Nos"].IsCompound, units["Nos"].BaseUnitId));
        var box = units["Box of 12 Nos"];
        Assert.Equal((true, "Box", units["Box"].Id, "Nos", units["Nos"].Id, 12m),
            (box.IsCompound, box.BaseUnitSymbol, box.BaseUnitId!.Value, box.AdditionalUnitSymbol, box.AdditionalUnitId!.Value, box.Conversion!.Value));

        var warehouses = (await database.RowsAsync<Warehouse>(org)).ToDictionary(w => w.Name);
        Assert.Equal(["Back Store", "Main Location"], warehouses.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(mainLocation.Id, warehouses["Main Location"].Id);
        Assert.Equal(job.Id, warehouses["Back Store"].CreatedJobId);

        var products = (await database.RowsAsync<Product>(org)).ToDictionary(p => p.Name);
        Assert.Equal(("18063100", 18m, units["Nos"].Id, "Nos"),
            (products["Choco Bar 50g"].HsnSac, products["Choco Bar 50g"].GstRate!.Value, products["Choco Bar 50g"].UnitId!.Value, products["Choco Bar 50g"].UnitSymbol));
        Assert.Equal(("95030090", 12m, units["Box"].Id), (products["Gift Hamper"].HsnSac, products["Gift Hamper"].GstRate!.Value, products["Gift Hamper"].UnitId!.Value));

        var openings = (await database.RowsAsync<StockMovement>(org))
            .Select(m => (m.ProductId, m.WarehouseId, m.Batch, m.Quantity, m.Rate, m.Value, m.MovementType, m.MovementDate))
            .OrderBy(m => m.ProductId).ThenBy(m => m.Value);
        var april = new DateOnly(2024, 4, 1);
        Assert.Equal(
            [
                (products["Choco Bar 50g"].Id, (long?)warehouses["Back Store"].Id, (string?)"B-7", 20m, (decimal?)25m, (decimal?)500m, "opening", april),
                (products["Choco Bar 50g"].Id, warehouses["Main Location"].Id, "Primary Batch", 100m, 25m, 2500m, "opening", april),
                (products["Gift Hamper"].Id, null, null, 10m, 300m, 3000m, "opening", april),
            ],
            openings);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_company_takes_the_exported_name_state_and_start_of_books(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;

        var job = await database.ImportBooksAsync(org, SampleBook.Masters());

        var company = Assert.Single(await database.RowsAsync<CompanyProfile>(org));
        Assert.Equal(("Acme Traders Pvt Ltd", "Maharashtra", new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 1)),
            (company.Name, company.State, company.FinancialYearStart!.Value, company.BooksBeginFrom!.Value));
        Assert.Equal(job.Id, company.CreatedJobId);
        var counts = BookImports.EntityCounts(job);
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["company"] = 1, ["account_groups"] = 7, ["units"] = 3, ["warehouses"] = 1, ["ledgers"] = 9,
                ["contacts"] = 2, ["products"] = 2, ["opening_stock"] = 3,
            },
            counts.Where(c => c.Value.Inserted > 0).ToDictionary(c => c.Key, c => c.Value.Inserted));
        Assert.Equal((2L, 1L), (counts["account_groups"].Unchanged, counts["warehouses"].Unchanged));
    }
}
