using System.Diagnostics;
using Ferry.Cli.Tests.Infrastructure;
using Ferry.Tests.Fixtures;
using Microsoft.Data.Sqlite;

namespace Ferry.Cli.Tests;

/// <summary>
/// The promise a user relies on most: kill ferry in the middle of an import and run the same command again, and every
/// row is in the ERP exactly once.
/// </summary>
public sealed class KillAndResumeTests
{
    const int Rows = 50_000;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    sealed record JobState(Guid Id, string Status, long Processed, long Checkpoint, long Contacts, long DistinctKeys, long Jobs);

    static JobState? ReadState(CliWorkspace workspace)
    {
        try
        {
            using var connection = workspace.OpenReadOnly();
            using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT j.id, j.status, j.records_processed, j.checkpoint, " +
                "(SELECT COUNT(*) FROM contacts), (SELECT COUNT(DISTINCT natural_key) FROM contacts), (SELECT COUNT(*) FROM migration_jobs) " +
                "FROM migration_jobs j ORDER BY j.created_at LIMIT 1";
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new JobState(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6))
                : null;
        }
        catch (SqliteException)
        {
            // Not created or not migrated yet.
            return null;
        }
    }

    /// <summary>Polls the database until the import has committed some batches, failing if ferry exits or stalls first.</summary>
    static async Task<JobState> WaitForProgressAsync(CliWorkspace workspace, RunningFerry ferry, long atLeast)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (ReadState(workspace) is { Processed: var processed } state && processed >= atLeast)
            {
                return state;
            }
            if (ferry.Process.HasExited)
            {
                Assert.Fail($"ferry exited before it had imported {atLeast} rows: {ferry.Result()}");
            }
            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                Assert.Fail($"ferry had not imported {atLeast} rows after two minutes.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), Ct);
        }
    }

    [Fact]
    public async Task An_import_killed_mid_way_resumes_on_the_next_run_with_every_row_exactly_once()
    {
        using var workspace = new CliWorkspace();
        var file = workspace.WriteFile("contacts-50k.csv", ContactsCsv.Build(Rows));
        string[] import = ["import", file, "--type", "contacts", "--db", workspace.Database, "--json"];

        using (var first = workspace.Start(import))
        {
            await WaitForProgressAsync(workspace, first, atLeast: 5_000);
            first.Process.Kill(entireProcessTree: true);
            await first.Process.WaitForExitAsync(Ct);
        }

        var killed = ReadState(workspace);
        Assert.NotNull(killed);
        Assert.True(killed.Processed < Rows, $"The import finished ({killed.Processed} rows) before it was killed, so this run proves nothing; make the file larger.");
        Assert.Equal("running", killed.Status);
        // Each batch commits its rows and the checkpoint together, so the two agree at any moment of a kill.
        Assert.Equal(killed.Checkpoint, killed.Processed);
        Assert.Equal(killed.Processed, killed.Contacts);

        var resumed = await workspace.RunAsync(import);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var json = resumed.Json();
        Assert.True(json.GetProperty("resumed").GetBoolean());
        Assert.Equal(killed.Id, json.GetProperty("job_id").GetGuid());
        Assert.Equal("completed", json.GetProperty("status").GetString());
        Assert.Equal(Rows, json.GetProperty("records_total").GetInt64());
        Assert.Equal(Rows, json.GetProperty("records_inserted").GetInt64());
        Assert.Equal(0, json.GetProperty("records_failed").GetInt64());
        var final = ReadState(workspace);
        Assert.NotNull(final);
        Assert.Equal(new JobState(killed.Id, "completed", Rows, Rows, Rows, Rows, 1), final);
    }
}
