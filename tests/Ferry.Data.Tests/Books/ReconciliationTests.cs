using System.Text.Json;
using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Erp.Books;

namespace Ferry.Data.Tests.Books;

/// <summary>The reconciliation a finished books import keeps on the job: the source's totals against what the ERP holds.</summary>
public sealed class ReconciliationTests
{
    static readonly Dictionary<string, (long Count, decimal Debit, decimal Credit)> ImportedTypes = new()
    {
        ["GST Sales"] = (1, 1180m, 1180m),
        ["Payment"] = (1, 2000m, 2000m),
        ["Receipt"] = (1, 1180m, 1180m),
        ["Journal"] = (1, 500m, 500m),
        ["Contra"] = (1, 10000m, 10000m),
        ["Credit Note"] = (1, 100m, 100m),
        ["Debit Note"] = (1, 200m, 200m),
    };

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task After_a_full_import_every_entity_and_every_voucher_type_matches_the_source(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var job = await database.ImportBooksAsync(database.Demo.Id, SampleBook.Whole());

        Assert.Equal(JobStatus.Completed, job.Status);
        using var reconciliation = BookImports.Reconciliation(job);
        var root = reconciliation.RootElement;
        var entities = root.GetProperty("entities").EnumerateObject().ToDictionary(e => e.Name, e => Entity(e.Value));
        Assert.Equal(
            new Dictionary<string, (long, long, long)>
            {
                ["company"] = (1, 1, 0), ["account_groups"] = (9, 9, 0), ["units"] = (3, 3, 0), ["warehouses"] = (2, 2, 0), ["ledgers"] = (9, 9, 0),
                ["contacts"] = (2, 2, 0), ["products"] = (2, 2, 0), ["opening_stock"] = (3, 3, 0), ["vouchers"] = (7, 7, 0),
            },
            entities);
        var types = root.GetProperty("vouchers_by_type").EnumerateObject().ToDictionary(t => t.Name);
        Assert.Equal(ImportedTypes.Keys.Order(StringComparer.Ordinal), types.Keys.Order(StringComparer.Ordinal));
        Assert.All(types, t =>
        {
            Assert.Equal(ImportedTypes[t.Key], Totals(t.Value.Value.GetProperty("source")));
            Assert.Equal(ImportedTypes[t.Key], Totals(t.Value.Value.GetProperty("erp")));
            Assert.True(t.Value.Value.GetProperty("matches").GetBoolean());
        });
        Assert.Equal(("2024-04-01", 0L), (root.GetProperty("period_from").GetString(), root.GetProperty("unbalanced_vouchers").GetInt64()));
        Assert.True(root.GetProperty("matches").GetBoolean());
        Assert.EndsWith("the ERP reconciles with the source", (await database.LogsAsync(job.Id)).Last().Message, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_unbalanced_voucher_leaves_its_type_and_the_voucher_count_unmatched_by_exactly_its_amounts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var job = await database.ImportBooksAsync(database.Demo.Id, SampleBook.Whole().Message(SampleBook.Unbalanced()));

        Assert.Equal(JobStatus.CompletedWithErrors, job.Status);
        using var reconciliation = BookImports.Reconciliation(job);
        var root = reconciliation.RootElement;
        Assert.False(root.GetProperty("matches").GetBoolean());
        Assert.Equal((8L, 7L, 1L), Entity(root.GetProperty("entities").GetProperty(BookEntities.Vouchers)));
        Assert.Equal(1, root.GetProperty("unbalanced_vouchers").GetInt64());
        var journal = root.GetProperty("vouchers_by_type").GetProperty("Journal");
        Assert.Equal((2L, 600m, 599.50m), Totals(journal.GetProperty("source")));
        Assert.Equal((1L, 500m, 500m), Totals(journal.GetProperty("erp")));
        Assert.False(journal.GetProperty("matches").GetBoolean());
        Assert.All(root.GetProperty("vouchers_by_type").EnumerateObject().Where(t => t.Name != "Journal"),
            t => Assert.True(t.Value.GetProperty("matches").GetBoolean()));
        Assert.EndsWith("the reconciliation shows differences", (await database.LogsAsync(job.Id)).Last().Message, StringComparison.Ordinal);
    }

    static (long Source, long Erp, long Difference) Entity(JsonElement e) =>
        (e.GetProperty("source").GetInt64(), e.GetProperty("erp").GetInt64(), e.GetProperty("difference").GetInt64());

    static (long Count, decimal Debit, decimal Credit) Totals(JsonElement t) =>
        (t.GetProperty("count").GetInt64(), t.GetProperty("debit").GetDecimal(), t.GetProperty("credit").GetDecimal());
}
