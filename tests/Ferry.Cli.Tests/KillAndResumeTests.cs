using System.Data.Common;
using System.Diagnostics;
using Ferry.Cli.Tests.Infrastructure;
using Ferry.Data;
using Ferry.Tests.Fixtures;

namespace Ferry.Cli.Tests;

/// <summary>
/// The promise a user relies on most: kill ferry in the middle of an import and run the same command again, and every
/// row is in the ERP exactly once.
/// </summary>
public sealed class KillAndResumeTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    sealed record ImportState(Guid JobId, string Status, long Processed, long Checkpoint, long Contacts, long DistinctKeys, long Jobs);

    static ImportState? ReadState(CliWorkspace workspace)
    {
        try
        {
            using var connection = workspace.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT j.id, j.status, j.records_processed, j.checkpoint, " +
                "(SELECT COUNT(*) FROM contacts), (SELECT COUNT(DISTINCT natural_key) FROM contacts), (SELECT COUNT(*) FROM migration_jobs) " +
                "FROM migration_jobs j ORDER BY j.created_at LIMIT 1";
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }
            var id = reader.GetValue(0) is Guid guid ? guid : Guid.Parse(reader.GetString(0));
            return new ImportState(id, reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
        }
        catch (DbException)
        {
            // The database or its tables do not exist yet.
            return null;
        }
    }

    /// <summary>Polls the database until the import has committed some batches, failing if ferry exits or stalls first.</summary>
    static async Task WaitForProgressAsync(CliWorkspace workspace, RunningFerry ferry, long atLeast)
    {
        var clock = Stopwatch.StartNew();
        while (ReadState(workspace) is not { } state || state.Processed < atLeast)
        {
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

    /// <remarks>
    /// PostgreSQL gets a smaller file: it imports more slowly here, and the second run must first wait for the dead
    /// process's lease to expire (30 s), since on a shared server another worker might still hold it.
    /// </remarks>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, 50_000)]
    [InlineData(DatabaseProvider.Postgres, 20_000)]
    public async Task An_import_killed_mid_way_resumes_on_the_next_run_with_every_row_exactly_once(DatabaseProvider provider, int rows)
    {
        await using var workspace = await CliWorkspace.CreateAsync(provider);
        var file = workspace.WriteFile("contacts.csv", ContactsCsv.Build(rows));
        string[] import = ["import", file, "--type", "contacts", .. workspace.DatabaseArgs, "--json"];

        using (var first = workspace.Start(import))
        {
            await WaitForProgressAsync(workspace, first, atLeast: rows / 10);
            first.Process.Kill(entireProcessTree: true);
            await first.Process.WaitForExitAsync(Ct);
        }

        var killed = ReadState(workspace);
        Assert.NotNull(killed);
        Assert.True(killed.Processed < rows, $"The import finished ({killed.Processed} rows) before it was killed, so this run proves nothing; make the file larger.");
        Assert.Equal("running", killed.Status);
        // Each batch commits its rows and the checkpoint together, so the two agree whenever the process dies.
        Assert.Equal(killed.Checkpoint, killed.Processed);
        Assert.Equal(killed.Processed, killed.Contacts);

        var resumed = await workspace.RunAsync(import);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var json = resumed.Json();
        Assert.True(json.GetProperty("resumed").GetBoolean());
        Assert.Equal(killed.JobId, json.GetProperty("job_id").GetGuid());
        Assert.Equal("completed", json.GetProperty("status").GetString());
        Assert.Equal(rows, json.GetProperty("records_total").GetInt64());
        Assert.Equal(rows, json.GetProperty("records_inserted").GetInt64());
        Assert.Equal(0, json.GetProperty("records_failed").GetInt64());
        Assert.Equal(new ImportState(killed.JobId, "completed", rows, rows, rows, rows, 1), ReadState(workspace));
    }
}
