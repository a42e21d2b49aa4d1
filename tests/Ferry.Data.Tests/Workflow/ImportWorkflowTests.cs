using System.Globalization;
using System.Text.Json;
using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Tests.Fixtures;

namespace Ferry.Data.Tests.Workflow;

public sealed class ImportWorkflowTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// 250 contacts: every 25th has a broken e-mail (10), rows 7, 47, …, 247 a GSTIN with a wrong check character (7),
    /// rows 13, 73, 133, 193 no name (4) — 21 invalid, 229 valid.
    /// </summary>
    static (byte[] Csv, HashSet<int> Invalid) ContactsWithMistakes()
    {
        var invalid = new HashSet<int>();
        var lines = Enumerable.Range(1, 250).Select(n =>
        {
            var line = ContactsCsv.Valid(n);
            if (n % 25 == 0)
            {
                invalid.Add(n);
                return line with { Email = $"customer{n}-at-example.in" };
            }
            if (n % 40 == 7)
            {
                invalid.Add(n);
                return line with { Gstin = ContactsCsv.BadGstin(n) };
            }
            if (n % 60 == 13)
            {
                invalid.Add(n);
                return line with { Name = null };
            }
            return line;
        }).ToList();
        return (ContactsCsv.Build(lines), invalid);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_file_with_invalid_rows_imports_the_valid_ones_logs_the_rest_and_rolls_back_completely(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = database.Demo.Id;
        var (csv, invalid) = ContactsWithMistakes();
        Assert.Equal(21, invalid.Count);

        var jobId = await database.PrepareContactsJobAsync(org, csv, batchSize: 50);
        var mappings = await database.WorkflowAsync(org, w => w.MappingsAsync(jobId, Ct));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Customer Name"] = "display_name", ["E-mail"] = "email", ["GSTIN"] = "gstin",
                ["Phone"] = "phone", ["City"] = "billing_city", ["Opening Balance"] = "opening_balance",
            },
            mappings.ToDictionary(m => m.SourceField!, m => m.TargetField));

        var report = await database.WorkflowAsync(org, w => w.ValidateAsync(jobId, Ct));
        Assert.Equal(250, report.RecordsTotal);
        Assert.Equal(229, report.RecordsValid);
        Assert.Equal(21, report.RecordsInvalid);
        Assert.Equal(229, report.WouldInsert);
        Assert.Equal(0, report.WouldUpdate);
        Assert.Equal(0, report.WouldSkip);
        Assert.Equal(10, report.ErrorsByField["email"]);
        Assert.Equal(7, report.ErrorsByField["gstin"]);
        Assert.Equal(4, report.ErrorsByField["display_name"]);
        Assert.Empty(await database.ContactsAsync(org));
        Assert.Equal(JobStatus.Validated, (await database.JobAsync(jobId)).Status);

        var queued = await database.WorkflowAsync(org, w => w.ExecuteAsync(jobId, Ct));
        Assert.Equal(JobStatus.Queued, queued.Status);
        await database.RunWorkerUntilIdleAsync();

        var job = await database.JobAsync(jobId);
        Assert.Equal(JobStatus.CompletedWithErrors, job.Status);
        Assert.Equal(250, job.RecordsProcessed);
        Assert.Equal(229, job.RecordsInserted);
        Assert.Equal(21, job.RecordsFailed);
        Assert.Equal(0, job.RecordsSkipped);
        Assert.Equal(250, job.Checkpoint);

        var contacts = await database.ContactsAsync(org);
        Assert.Equal(229, contacts.Count);
        Assert.All(contacts, c => Assert.Equal((jobId, jobId), (c.CreatedJobId, c.LastJobId)));
        var expectedNames = Enumerable.Range(1, 250).Where(n => !invalid.Contains(n)).Select(ContactsCsv.Name);
        Assert.Equal(expectedNames.Order(StringComparer.Ordinal), contacts.Select(c => c.DisplayName).Order(StringComparer.Ordinal));
        var first = contacts.Single(c => c.DisplayName == ContactsCsv.Name(1));
        Assert.Equal("customer1@example.in", first.Email);
        Assert.Equal(ContactsCsv.Gstin(1), first.Gstin);
        Assert.Equal("Pune", first.Billing.City);
        Assert.Equal(10.50m, first.OpeningBalance);
        Assert.Equal("row 2", first.SourceLocation);

        var errors = (await database.LogsAsync(jobId)).Where(l => l.Level == JobLogLevel.Error).ToList();
        Assert.Equal(21, errors.Count);
        Assert.Equal(invalid.Order(), errors.Select(e => int.Parse(e.SourceRecordId!, CultureInfo.InvariantCulture)).Order());

        var rolledBack = await database.RollbackAsync(org, jobId);

        Assert.Equal(JobStatus.RolledBack, rolledBack.Status);
        Assert.Empty(await database.ContactsAsync(org));
        using var summary = JsonDocument.Parse(rolledBack.RollbackSummary!);
        Assert.Equal(229, summary.RootElement.GetProperty("deleted").GetInt64());
        Assert.Equal(0, summary.RootElement.GetProperty("restored").GetInt64());
        Assert.Equal(0, summary.RootElement.GetProperty("conflicts").GetInt64());
    }
}
