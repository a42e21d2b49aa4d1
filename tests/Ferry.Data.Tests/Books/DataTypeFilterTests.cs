using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Erp.Books;
using Ferry.Erp.Model;

namespace Ferry.Data.Tests.Books;

/// <summary>A books job imports only the data types it names; an upload to a job that names none selects those the books hold.</summary>
public sealed class DataTypeFilterTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_ledgers_job_imports_groups_and_ledgers_and_leaves_vouchers_products_and_the_rest_untouched(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;
        var rowsBefore = await database.RowCountsAsync(org);

        var job = await database.ImportBooksAsync(org, SampleBook.Whole(), dataTypes: [DataTypes.Ledgers]);

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal([DataTypes.Ledgers], job.DataTypes);
        var rowsAfter = await database.RowCountsAsync(org);
        Assert.Equal(rowsBefore["account_groups"] + SampleBook.NewGroups.Length, rowsAfter["account_groups"]);
        Assert.Equal(SampleBook.LedgerNames.Length, rowsAfter["ledgers"]);
        Assert.Equal(rowsBefore.Where(r => r.Key is not ("account_groups" or "ledgers")), rowsAfter.Where(r => r.Key is not ("account_groups" or "ledgers")));
        Assert.Empty(await database.VouchersAsync(org));
        Assert.Empty(await database.RowsAsync<Product>(org));

        var counts = BookImports.EntityCounts(job);
        Assert.Equal((7L, 9L), (counts[BookEntities.AccountGroups].Inserted, counts[BookEntities.Ledgers].Inserted));
        Assert.All(counts.Where(c => c.Key is not (BookEntities.AccountGroups or BookEntities.Ledgers)).Select(c => c.Value),
            c => Assert.Equal((0L, 0L, 0L), (c.Inserted, c.Updated, c.Failed)));
        Assert.Equal((11L, 2L, 2L, 1L), (counts[BookEntities.Vouchers].Skipped, counts[BookEntities.Contacts].Skipped,
            counts[BookEntities.Products].Skipped, counts[BookEntities.Company].Skipped));
        Assert.DoesNotContain(await database.LogsAsync(job.Id), l => l.Operation is "skip_voucher");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_upload_to_a_job_without_data_types_selects_every_type_the_books_hold_and_totals_their_entries(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;

        var jobId = await database.PrepareBooksAsync(org, SampleBook.Whole());

        var job = await database.JobAsync(jobId);
        Assert.Equal(SourceType.Tally, job.SourceType);
        Assert.Equal([DataTypes.Contacts, DataTypes.Products, DataTypes.Ledgers, DataTypes.Vouchers, DataTypes.Stock, DataTypes.Company], job.DataTypes);
        Assert.Equal(1 + 9 + 3 + 2 + 9 + 2 + 2 + 3 + 11, job.RecordsTotal);
        Assert.Equal(JobStatus.Mapped, job.Status);
    }
}
