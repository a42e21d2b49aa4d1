using System.Text.Json;
using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Erp.Model;
using Ferry.Tests.Fixtures;

namespace Ferry.Data.Tests.Books;

/// <summary>Rolling back a books import removes exactly what it created — group trees and vouchers with their lines included.</summary>
public sealed class BooksRollbackTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Rolling_back_a_whole_books_import_deletes_everything_it_created_and_nothing_else(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        database.Worker.RollbackBatchSize = 2;
        var org = database.Demo.Id;
        var other = await database.AddOrganizationAsync("other");
        Assert.Equal(JobStatus.Completed, (await database.ImportBooksAsync(other.Id, SampleBook.Whole())).Status);
        var otherRows = await database.RowCountsAsync(other.Id);
        var earlier = await database.ImportAsync(org, ContactsCsv.Build(Enumerable.Range(10, 3).Select(n => ContactsCsv.Valid(n))));
        var rowsBefore = await database.RowCountsAsync(org);
        var groupsBefore = (await database.RowsAsync<AccountGroup>(org)).Select(g => g.Id).ToList();
        var contactsBefore = (await database.RowsAsync<Contact>(org)).Select(c => c.Id).ToList();
        var job = await database.ImportBooksAsync(org, SampleBook.Whole());
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(15, (await database.RowCountsAsync(org))["voucher_ledger_lines"]);

        var rolledBack = await database.RollbackAsync(org, job.Id);

        Assert.Equal(JobStatus.RolledBack, rolledBack.Status);
        using (var summary = JsonDocument.Parse(rolledBack.RollbackSummary!))
        {
            Assert.Equal((35L, 0L), (summary.RootElement.GetProperty("deleted").GetInt64(), summary.RootElement.GetProperty("conflicts").GetInt64()));
        }
        Assert.Equal(rowsBefore, await database.RowCountsAsync(org));
        Assert.Equal(groupsBefore, (await database.RowsAsync<AccountGroup>(org)).Select(g => g.Id));
        Assert.Equal(contactsBefore, (await database.RowsAsync<Contact>(org)).Select(c => c.Id));
        Assert.All(await database.RowsAsync<Contact>(org), c => Assert.Equal(earlier.Id, c.CreatedJobId));
        Assert.Equal(otherRows, await database.RowCountsAsync(other.Id));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Rolling_back_the_books_keeps_the_chart_an_earlier_job_imported_and_rolling_that_back_removes_the_group_tree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;
        var seeded = (await database.RowsAsync<AccountGroup>(org)).Select(g => g.Id).ToList();
        var chart = await database.ImportBooksAsync(org, SampleBook.Masters(), dataTypes: ["ledgers"]);
        var ledgers = (await database.RowsAsync<Ledger>(org)).Select(l => (l.Id, l.Name, l.CreatedJobId)).ToList();
        var books = await database.ImportBooksAsync(org, SampleBook.Whole());
        Assert.Equal(7, (await database.VouchersAsync(org)).Count);

        await database.RollbackAsync(org, books.Id);

        Assert.Empty(await database.VouchersAsync(org));
        Assert.Empty(await database.RowsAsync<Contact>(org));
        Assert.Equal(ledgers, (await database.RowsAsync<Ledger>(org)).Select(l => (l.Id, l.Name, l.CreatedJobId)));
        Assert.Equal(seeded.Count + SampleBook.NewGroups.Length, (await database.RowsAsync<AccountGroup>(org)).Count);

        var chartUndone = await database.RollbackAsync(org, chart.Id);

        Assert.Equal(JobStatus.RolledBack, chartUndone.Status);
        Assert.Empty(await database.RowsAsync<Ledger>(org));
        Assert.Equal(seeded, (await database.RowsAsync<AccountGroup>(org)).Select(g => g.Id));
        using var summary = JsonDocument.Parse(chartUndone.RollbackSummary!);
        Assert.Equal((16L, 0L), (summary.RootElement.GetProperty("deleted").GetInt64(), summary.RootElement.GetProperty("conflicts").GetInt64()));
    }
}
