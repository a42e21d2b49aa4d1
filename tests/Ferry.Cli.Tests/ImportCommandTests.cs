using System.Text.Json;
using Ferry.Cli.Tests.Infrastructure;
using Ferry.Core.Jobs;
using Ferry.Data;
using Ferry.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Cli.Tests;

public sealed class ImportCommandTests
{
    static readonly string[] Tenant = [FerryDbContext.TenantFilter];

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Ten contacts; rows 4 and 9 have e-mail addresses without an @.</summary>
    static byte[] TenContactsTwoBroken() => ContactsCsv.Build(Enumerable.Range(1, 10)
        .Select(n => n is 4 or 9 ? ContactsCsv.Valid(n) with { Email = $"customer{n}.example.in" } : ContactsCsv.Valid(n)));

    static string[] Import(CliWorkspace workspace, string file, params string[] extra) =>
        ["import", file, "--type", "contacts", .. workspace.DatabaseArgs, "--json", .. extra];

    static async Task<List<(string Name, Guid? CreatedJobId)>> ContactsAsync(CliWorkspace workspace)
    {
        await using var db = workspace.OpenContext();
        return (await db.Contacts.IgnoreQueryFilters(Tenant).OrderBy(c => c.DisplayName).Select(c => new { c.DisplayName, c.CreatedJobId }).ToListAsync(Ct))
            .Select(c => (c.DisplayName, c.CreatedJobId)).ToList();
    }

    static async Task<MigrationJob> JobAsync(CliWorkspace workspace, Guid jobId)
    {
        await using var db = workspace.OpenContext();
        return await db.Jobs.IgnoreQueryFilters(Tenant).SingleAsync(j => j.Id == jobId, Ct);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Import_prints_its_counts_exits_3_when_rows_fail_and_rollback_removes_what_it_created(DatabaseProvider provider)
    {
        await using var workspace = await CliWorkspace.CreateAsync(provider);
        var file = workspace.WriteFile("contacts.csv", TenContactsTwoBroken());

        var import = await workspace.RunAsync(Import(workspace, file));

        Assert.True(import.ExitCode == 3, import.ToString());
        var json = import.Json();
        var jobId = json.GetProperty("job_id").GetGuid();
        Assert.Equal("completed_with_errors", json.GetProperty("status").GetString());
        Assert.False(json.GetProperty("resumed").GetBoolean());
        Assert.Equal(10, json.GetProperty("records_total").GetInt64());
        Assert.Equal(8, json.GetProperty("records_succeeded").GetInt64());
        Assert.Equal(2, json.GetProperty("records_failed").GetInt64());
        Assert.Equal(0, json.GetProperty("records_skipped").GetInt64());
        Assert.Equal(8, json.GetProperty("records_inserted").GetInt64());
        Assert.Equal(0, json.GetProperty("records_updated").GetInt64());
        Assert.True(json.GetProperty("duration_ms").GetInt64() >= 0);
        var contacts = await ContactsAsync(workspace);
        Assert.Equal(Enumerable.Range(1, 10).Where(n => n is not (4 or 9)).Select(ContactsCsv.Name), contacts.Select(c => c.Name));
        Assert.All(contacts, c => Assert.Equal(jobId, c.CreatedJobId));

        var rollback = await workspace.RunAsync(["rollback", jobId.ToString(), .. workspace.DatabaseArgs, "--json"]);

        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        var undone = rollback.Json();
        Assert.Equal(jobId, undone.GetProperty("job_id").GetGuid());
        Assert.Equal("rolled_back", undone.GetProperty("status").GetString());
        Assert.Equal(8, undone.GetProperty("summary").GetProperty("deleted").GetInt64());
        Assert.Empty(await ContactsAsync(workspace));
        Assert.Equal(JobStatus.RolledBack, (await JobAsync(workspace, jobId)).Status);
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_happen_exits_0_and_writes_no_contacts()
    {
        await using var workspace = await CliWorkspace.CreateAsync();
        var file = workspace.WriteFile("contacts.csv", TenContactsTwoBroken());

        var dryRun = await workspace.RunAsync(Import(workspace, file, "--dry-run"));

        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        var json = dryRun.Json();
        Assert.Equal("validated", json.GetProperty("status").GetString());
        Assert.Equal(8, json.GetProperty("records_inserted").GetInt64());
        Assert.Equal(2, json.GetProperty("records_failed").GetInt64());
        var validation = json.GetProperty("validation");
        Assert.Equal(10, validation.GetProperty("records_total").GetInt64());
        Assert.Equal(8, validation.GetProperty("records_valid").GetInt64());
        Assert.Equal(2, validation.GetProperty("records_invalid").GetInt64());
        Assert.Equal(8, validation.GetProperty("would_insert").GetInt64());
        Assert.Equal(2, validation.GetProperty("errors_by_field").GetProperty("email").GetInt64());
        Assert.Empty(await ContactsAsync(workspace));
        var dryRunJob = await JobAsync(workspace, json.GetProperty("job_id").GetGuid());
        Assert.Equal(JobStatus.Validated, dryRunJob.Status);
        Assert.Equal(0, dryRunJob.RecordsProcessed);

        var real = await workspace.RunAsync(Import(workspace, file));

        Assert.True(real.ExitCode == 3, real.ToString());
        Assert.False(real.Json().GetProperty("resumed").GetBoolean());
        Assert.Equal(8, real.Json().GetProperty("records_inserted").GetInt64());
        Assert.Equal(8, (await ContactsAsync(workspace)).Count);
    }

    [Fact]
    public async Task Importing_the_same_clean_file_twice_exits_0_and_skips_every_existing_contact()
    {
        await using var workspace = await CliWorkspace.CreateAsync();
        var file = workspace.WriteFile("contacts.csv", ContactsCsv.Build(6));

        var first = await workspace.RunAsync(Import(workspace, file));
        var second = await workspace.RunAsync(Import(workspace, file));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(("completed", 6L), (first.Json().GetProperty("status").GetString(), first.Json().GetProperty("records_inserted").GetInt64()));
        Assert.True(second.ExitCode == 0, second.ToString());
        var json = second.Json();
        Assert.NotEqual(first.Json().GetProperty("job_id").GetGuid(), json.GetProperty("job_id").GetGuid());
        Assert.False(json.GetProperty("resumed").GetBoolean());
        Assert.Equal((0L, 6L), (json.GetProperty("records_inserted").GetInt64(), json.GetProperty("records_skipped").GetInt64()));
        Assert.Equal(6, (await ContactsAsync(workspace)).Count);
    }

    [Fact]
    public async Task Import_of_a_missing_file_exits_with_2_without_creating_a_database()
    {
        await using var workspace = await CliWorkspace.CreateAsync();

        var result = await workspace.RunAsync(Import(workspace, Path.Combine(workspace.Folder, "nowhere.csv")));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.SqliteFile));
    }

    [Fact]
    public async Task Import_with_an_unknown_conflict_strategy_exits_with_2()
    {
        await using var workspace = await CliWorkspace.CreateAsync();
        var file = workspace.WriteFile("contacts.csv", ContactsCsv.Build(3));

        var result = await workspace.RunAsync(Import(workspace, file, "--conflict", "overwrite"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--conflict", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.SqliteFile));
    }

    [Fact]
    public async Task Rollback_of_an_unknown_job_exits_with_2()
    {
        await using var workspace = await CliWorkspace.CreateAsync();
        var file = workspace.WriteFile("contacts.csv", ContactsCsv.Build(3));
        Assert.Equal(0, (await workspace.RunAsync(Import(workspace, file))).ExitCode);

        var result = await workspace.RunAsync(["rollback", Guid.NewGuid().ToString(), .. workspace.DatabaseArgs, "--json"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(3, (await ContactsAsync(workspace)).Count);
    }
}
