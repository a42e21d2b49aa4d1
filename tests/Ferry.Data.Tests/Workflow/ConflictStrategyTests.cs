using System.Text.Json;
using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Erp.Model;
using Ferry.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Data.Tests.Workflow;

/// <summary>
/// A first import creates contacts 1–10 in Pune. The second file holds contact 5 unchanged, contacts 6–10 moved to
/// Mumbai with a new opening balance, and new contacts 11–15.
/// </summary>
public sealed class ConflictStrategyTests
{
    static readonly string[] Tenant = [FerryDbContext.TenantFilter];

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static byte[] FirstFile() => ContactsCsv.Build(Enumerable.Range(1, 10).Select(n => ContactsCsv.Valid(n)));

    static byte[] OverlappingFile() => ContactsCsv.Build(Enumerable.Range(5, 11).Select(n => n is >= 6 and <= 10
        ? ContactsCsv.Valid(n, "Mumbai") with { OpeningBalance = "999.00" }
        : ContactsCsv.Valid(n)));

    static async Task<(TestDatabase Database, MigrationJob First)> ImportFirstFileAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var first = await database.ImportAsync(database.Demo.Id, FirstFile());
        Assert.Equal(JobStatus.Completed, first.Status);
        Assert.Equal(10, first.RecordsInserted);
        return (database, first);
    }

    /// <summary>Every column of a contact, so two snapshots compare equal only if nothing at all changed.</summary>
    static string Snapshot(Contact contact) => JsonSerializer.Serialize(contact);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Skip_leaves_existing_contacts_untouched_and_counts_them_as_skipped(DatabaseProvider provider)
    {
        var (database, first) = await ImportFirstFileAsync(provider);
        await using var _ = database;
        var before = (await database.ContactsAsync(database.Demo.Id)).ToDictionary(c => c.Id, Snapshot);

        var second = await database.ImportAsync(database.Demo.Id, OverlappingFile(), ConflictStrategy.Skip);

        Assert.Equal(JobStatus.Completed, second.Status);
        Assert.Equal((5L, 0L, 6L, 0L), (second.RecordsInserted, second.RecordsUpdated, second.RecordsSkipped, second.RecordsFailed));
        var after = await database.ContactsAsync(database.Demo.Id);
        Assert.Equal(15, after.Count);
        Assert.All(after.Where(c => before.ContainsKey(c.Id)), c => Assert.Equal(before[c.Id], Snapshot(c)));
        Assert.All(after.Where(c => !before.ContainsKey(c.Id)), c => Assert.Equal(second.Id, c.CreatedJobId));
        Assert.Equal(6, (await database.LogsAsync(second.Id)).Count(l => l.Operation == "skip_duplicate"));
        Assert.NotEqual(first.Id, second.Id);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Update_changes_the_differing_columns_journals_them_and_rollback_restores_the_exact_previous_rows(DatabaseProvider provider)
    {
        var (database, first) = await ImportFirstFileAsync(provider);
        await using var _ = database;
        var before = (await database.ContactsAsync(database.Demo.Id)).ToDictionary(c => c.Id, Snapshot);

        var secondId = await database.PrepareContactsJobAsync(database.Demo.Id, OverlappingFile(), ConflictStrategy.Update, batchSize: 4);
        var report = await database.WorkflowAsync(database.Demo.Id, w => w.ValidateAsync(secondId, Ct));
        Assert.Equal((5L, 5L, 1L, 0L), (report.WouldInsert, report.WouldUpdate, report.WouldSkip, report.RecordsInvalid));
        Assert.Equal(before, (await database.ContactsAsync(database.Demo.Id)).ToDictionary(c => c.Id, Snapshot));
        await database.WorkflowAsync(database.Demo.Id, w => w.ExecuteAsync(secondId, Ct));
        database.Worker.RollbackBatchSize = 2;
        await database.RunWorkerUntilIdleAsync();
        var second = await database.JobAsync(secondId);

        Assert.Equal(JobStatus.Completed, second.Status);
        Assert.Equal((5L, 5L, 1L, 0L), (second.RecordsInserted, second.RecordsUpdated, second.RecordsSkipped, second.RecordsFailed));
        var after = await database.ContactsAsync(database.Demo.Id);
        Assert.Equal(15, after.Count);
        var moved = after.Where(c => c.Billing.City == "Mumbai").OrderBy(c => c.DisplayName, StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(6, 5).Select(ContactsCsv.Name), moved.Select(c => c.DisplayName));
        Assert.All(moved, c =>
        {
            Assert.Equal(999.00m, c.OpeningBalance);
            Assert.Equal(first.Id, c.CreatedJobId);
            Assert.Equal(second.Id, c.LastJobId);
        });
        var unchanged = after.Single(c => c.DisplayName == ContactsCsv.Name(5));
        Assert.Equal(before[unchanged.Id], Snapshot(unchanged));
        await using (var db = database.System())
        {
            var journal = await db.RollbackJournal.IgnoreQueryFilters(Tenant).Where(e => e.JobId == second.Id).ToListAsync(Ct);
            Assert.Equal(moved.Select(c => c.Id).Order(), journal.Select(e => e.RowId).Order());
            Assert.All(journal, e => Assert.Equal("contacts", e.TableName));
        }

        var rolledBack = await database.RollbackAsync(database.Demo.Id, second.Id);

        Assert.Equal(JobStatus.RolledBack, rolledBack.Status);
        var restored = await database.ContactsAsync(database.Demo.Id);
        Assert.Equal(before.Keys.Order(), restored.Select(c => c.Id).Order());
        Assert.All(restored, c => Assert.Equal(before[c.Id], Snapshot(c)));
        using var summary = JsonDocument.Parse(rolledBack.RollbackSummary!);
        Assert.Equal(5, summary.RootElement.GetProperty("restored").GetInt64());
        Assert.Equal(5, summary.RootElement.GetProperty("deleted").GetInt64());
        Assert.Equal(0, summary.RootElement.GetProperty("conflicts").GetInt64());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task CreateNew_adds_duplicates_as_new_contacts_under_distinct_names(DatabaseProvider provider)
    {
        var (database, _) = await ImportFirstFileAsync(provider);
        await using var __ = database;
        var before = (await database.ContactsAsync(database.Demo.Id)).ToDictionary(c => c.Id, Snapshot);

        var second = await database.ImportAsync(database.Demo.Id, OverlappingFile(), ConflictStrategy.CreateNew);

        Assert.Equal(JobStatus.Completed, second.Status);
        Assert.Equal((11L, 0L, 0L, 0L), (second.RecordsInserted, second.RecordsUpdated, second.RecordsSkipped, second.RecordsFailed));
        var after = await database.ContactsAsync(database.Demo.Id);
        Assert.Equal(21, after.Count);
        Assert.Equal(21, after.Select(c => c.NaturalKey).Distinct(StringComparer.Ordinal).Count());
        Assert.All(after.Where(c => before.ContainsKey(c.Id)), c => Assert.Equal(before[c.Id], Snapshot(c)));
        var created = after.Where(c => c.CreatedJobId == second.Id).ToList();
        Assert.Equal(
            Enumerable.Range(5, 6).Select(n => ContactsCsv.Name(n) + " (2)").Concat(Enumerable.Range(11, 5).Select(ContactsCsv.Name)).Order(StringComparer.Ordinal),
            created.Select(c => c.DisplayName).Order(StringComparer.Ordinal));
        var copy = created.Single(c => c.DisplayName == ContactsCsv.Name(7) + " (2)");
        Assert.Equal("Mumbai", copy.Billing.City);
        Assert.Equal(ContactsCsv.Gstin(7), copy.Gstin);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Names_that_differ_only_in_case_and_spacing_are_the_same_contact(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var acme = ContactsCsv.Valid(1) with { Name = "Acme Traders" };
        var lines = new[] { acme, acme with { Name = "  ACME   traders " } }
            .Concat(Enumerable.Range(2, 60).Select(n => ContactsCsv.Valid(n)))
            .Append(acme with { Name = "acme TRADERS", City = "Mumbai" });

        var job = await database.ImportAsync(database.Demo.Id, ContactsCsv.Build(lines), ConflictStrategy.Skip, batchSize: 50);

        Assert.Equal((61L, 2L, 0L), (job.RecordsInserted, job.RecordsSkipped, job.RecordsFailed));
        var contacts = await database.ContactsAsync(database.Demo.Id);
        var only = Assert.Single(contacts, c => c.NaturalKey.StartsWith("ACME TRADERS|", StringComparison.Ordinal));
        Assert.Equal(("Acme Traders", "Pune", "row 2"), (only.DisplayName, only.Billing.City, only.SourceLocation));
    }
}
