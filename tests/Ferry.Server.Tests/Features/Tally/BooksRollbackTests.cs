using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Tally;

/// <summary>Rolling back a whole-books import through the API puts every ERP table back as it was.</summary>
public sealed class BooksRollbackTests(FerryApp app) : IClassFixture<FerryApp>
{
    /// <param name="updated">With update, the seeded Sundry Debtors group and Main Location warehouse take the export's GUIDs.</param>
    [Theory]
    [InlineData("skip", 0)]
    [InlineData("update", 2)]
    public async Task Rolling_back_a_Tally_import_leaves_the_ERP_as_it_was_before(string conflictStrategy, long updated)
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var before = await client.ErpSnapshotAsync();
        var (jobId, imported) = await client.ImportBooksAsync(TallyExport.Books().Utf16(), conflictStrategy);
        Assert.Equal(("completed", updated), (imported.GetProperty("status").GetString(), imported.GetProperty("records_updated").GetInt64()));
        Assert.Equal(3, (await client.ErpAsync("vouchers")).Total());

        var progress = await client.RollbackAndWaitAsync(jobId);

        var summary = progress.GetProperty("rollback_summary");
        // Everything the import inserted: company, group, unit, six ledgers, contact, product, opening stock, three vouchers.
        Assert.Equal((15L, updated, 0L), (summary.GetProperty("deleted").GetInt64(), summary.GetProperty("restored").GetInt64(), summary.GetProperty("conflicts").GetInt64()));
        var after = await client.ErpSnapshotAsync();
        Assert.All(before.Keys, list => Assert.True(before[list] == after[list], $"{list} before:\n{before[list]}\nafter:\n{after[list]}"));
    }
}
