using System.Text.Json;
using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Tests.Fixtures;

namespace Ferry.Data.Tests.Runs;

public sealed class RollbackConflictTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Rolling_back_an_import_keeps_a_row_a_later_import_changed_and_reports_it_as_a_conflict(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;
        var first = await database.ImportAsync(org, ContactsCsv.Build(5));
        var second = await database.ImportAsync(org, ContactsCsv.Build([ContactsCsv.Valid(3, "Nagpur")]), ConflictStrategy.Update);
        Assert.Equal(1, second.RecordsUpdated);

        var rolledBack = await database.RollbackAsync(org, first.Id);

        Assert.Equal(JobStatus.RolledBack, rolledBack.Status);
        var kept = Assert.Single(await database.ContactsAsync(org));
        Assert.Equal(ContactsCsv.Name(3), kept.DisplayName);
        Assert.Equal("Nagpur", kept.Billing.City);
        Assert.Equal((first.Id, second.Id), (kept.CreatedJobId, kept.LastJobId));
        using var summary = JsonDocument.Parse(rolledBack.RollbackSummary!);
        Assert.Equal(4, summary.RootElement.GetProperty("deleted").GetInt64());
        Assert.Equal(0, summary.RootElement.GetProperty("restored").GetInt64());
        Assert.Equal(1, summary.RootElement.GetProperty("conflicts").GetInt64());
        Assert.Equal([$"contacts#{kept.Id}"], summary.RootElement.GetProperty("conflict_rows").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JobStatus.Completed, (await database.JobAsync(second.Id)).Status);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Rolling_back_an_update_does_not_overwrite_a_row_a_later_import_changed_again(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;
        var created = await database.ImportAsync(org, ContactsCsv.Build(5));
        var firstUpdate = await database.ImportAsync(org, ContactsCsv.Build([ContactsCsv.Valid(2, "Nashik"), ContactsCsv.Valid(3, "Nashik")]), ConflictStrategy.Update);
        var secondUpdate = await database.ImportAsync(org, ContactsCsv.Build([ContactsCsv.Valid(3, "Thane")]), ConflictStrategy.Update);
        Assert.Equal((2L, 1L), (firstUpdate.RecordsUpdated, secondUpdate.RecordsUpdated));

        var rolledBack = await database.RollbackAsync(org, firstUpdate.Id);

        Assert.Equal(JobStatus.RolledBack, rolledBack.Status);
        var contacts = (await database.ContactsAsync(org)).ToDictionary(c => c.DisplayName, StringComparer.Ordinal);
        Assert.Equal(5, contacts.Count);
        Assert.Equal(("Pune", created.Id), (contacts[ContactsCsv.Name(2)].Billing.City, contacts[ContactsCsv.Name(2)].LastJobId));
        Assert.Equal(("Thane", secondUpdate.Id), (contacts[ContactsCsv.Name(3)].Billing.City, contacts[ContactsCsv.Name(3)].LastJobId));
        using var summary = JsonDocument.Parse(rolledBack.RollbackSummary!);
        Assert.Equal(1, summary.RootElement.GetProperty("restored").GetInt64());
        Assert.Equal(1, summary.RootElement.GetProperty("conflicts").GetInt64());
        Assert.Equal(0, summary.RootElement.GetProperty("deleted").GetInt64());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Rolling_back_the_later_import_first_lets_the_earlier_rollback_remove_everything(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;
        var first = await database.ImportAsync(org, ContactsCsv.Build(5));
        var second = await database.ImportAsync(org, ContactsCsv.Build([ContactsCsv.Valid(3, "Nagpur"), ContactsCsv.Valid(6)]), ConflictStrategy.Update);

        var secondUndone = await database.RollbackAsync(org, second.Id);
        var firstUndone = await database.RollbackAsync(org, first.Id);

        Assert.Equal((JobStatus.RolledBack, JobStatus.RolledBack), (secondUndone.Status, firstUndone.Status));
        Assert.Empty(await database.ContactsAsync(org));
        using var summary = JsonDocument.Parse(firstUndone.RollbackSummary!);
        Assert.Equal(5, summary.RootElement.GetProperty("deleted").GetInt64());
        Assert.Equal(0, summary.RootElement.GetProperty("conflicts").GetInt64());
    }
}
