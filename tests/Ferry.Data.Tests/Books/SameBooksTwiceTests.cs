using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Erp.Books;
using Ferry.Erp.Model;

namespace Ferry.Data.Tests.Books;

/// <summary>Importing the same export twice is harmless: the second run finds every object already there, as it is.</summary>
public sealed class SameBooksTwiceTests
{
    public static readonly TheoryData<DatabaseProvider, ConflictStrategy> ProvidersAndStrategies = new()
    {
        { DatabaseProvider.Sqlite, ConflictStrategy.Skip },
        { DatabaseProvider.Sqlite, ConflictStrategy.Update },
        { DatabaseProvider.Postgres, ConflictStrategy.Skip },
        { DatabaseProvider.Postgres, ConflictStrategy.Update },
    };

    [Theory]
    [MemberData(nameof(ProvidersAndStrategies))]
    public async Task The_second_import_inserts_and_updates_nothing_and_counts_every_entity_unchanged(DatabaseProvider provider, ConflictStrategy strategy)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;
        var first = await database.ImportBooksAsync(org, SampleBook.Whole(), strategy);
        Assert.Equal(JobStatus.Completed, first.Status);
        var rowsBefore = await database.RowCountsAsync(org);
        var vouchersBefore = await database.VouchersAsync(org);

        var second = await database.ImportBooksAsync(org, SampleBook.Whole(), strategy);

        Assert.Equal(JobStatus.Completed, second.Status);
        Assert.Equal((0L, 0L, 0L), (second.RecordsInserted, second.RecordsUpdated, second.RecordsFailed));
        var counts = BookImports.EntityCounts(second);
        Assert.Equal(BookEntities.All.Order(StringComparer.Ordinal), counts.Keys.Order(StringComparer.Ordinal));
        Assert.All(counts.Values, c => Assert.Equal((0L, 0L, 0L, 0L, 0L), (c.Inserted, c.Updated, c.Kept, c.Failed, c.Placeholders)));
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["company"] = 1, ["account_groups"] = 9, ["units"] = 3, ["warehouses"] = 2, ["ledgers"] = 9,
                ["contacts"] = 2, ["products"] = 2, ["opening_stock"] = 3, ["vouchers"] = 7,
            },
            counts.ToDictionary(c => c.Key, c => c.Value.Unchanged));
        Assert.Equal(4, counts[BookEntities.Vouchers].Skipped);
        Assert.Equal(rowsBefore, await database.RowCountsAsync(org));
        var vouchersAfter = await database.VouchersAsync(org);
        Assert.All(vouchersAfter.Values, v => Assert.Equal(first.Id, v.LastJobId));
        Assert.Equal(
            vouchersBefore.Values.SelectMany(v => v.LedgerLines).Select(l => (l.Id, l.Debit, l.Credit)),
            vouchersAfter.Values.SelectMany(v => v.LedgerLines).Select(l => (l.Id, l.Debit, l.Credit)));
        Assert.All(await database.RowsAsync<Ledger>(org), l => Assert.Equal(first.Id, l.LastJobId));
        Assert.DoesNotContain(await database.LogsAsync(second.Id), l => l.Operation is { } operation
            && (operation.StartsWith("update_", StringComparison.Ordinal) || operation.StartsWith("keep_", StringComparison.Ordinal)));
    }
}
