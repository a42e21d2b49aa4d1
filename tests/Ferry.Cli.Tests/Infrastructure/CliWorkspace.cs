using System.Data.Common;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Ferry.Data;
using Ferry.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ferry.Cli.Tests.Infrastructure;

/// <summary>What one run of the ferry command printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json()
    {
        try
        {
            using var document = JsonDocument.Parse(Stdout);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"ferry did not print JSON ({e.Message}). Exit code {ExitCode}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }
    }

    public override string ToString() => $"exit code {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>
/// A temporary folder to run the ferry command in, with the database it works on: a SQLite file in the folder
/// (--db) or a PostgreSQL database of its own (--connection). Everything is deleted or dropped afterwards.
/// ferry.dll is copied next to the test assembly by the project reference and runs under the dotnet host.
/// </summary>
public sealed class CliWorkspace : IAsyncDisposable
{
    static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    readonly PostgresDatabase? _postgres;

    CliWorkspace(string folder, DatabaseOptions database, PostgresDatabase? postgres)
    {
        Folder = folder;
        Database = database;
        _postgres = postgres;
    }

    public string Folder { get; }

    public DatabaseOptions Database { get; }

    /// <summary>The SQLite database file; it does not exist until a command creates it.</summary>
    public string SqliteFile => Database.SqliteFile() ?? throw new InvalidOperationException("This workspace uses PostgreSQL.");

    /// <summary>The options that point a ferry command at this workspace's database.</summary>
    public string[] DatabaseArgs => Database.Provider == DatabaseProvider.Sqlite ? ["--db", SqliteFile] : ["--connection", Database.ConnectionString];

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<CliWorkspace> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ferry-cli-tests", Guid.NewGuid().ToString("N"));
        if (provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(folder);
            return new CliWorkspace(folder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = Path.Combine(folder, "ferry.db") }, null);
        }
        var postgres = await PostgresDatabase.CreateAsync(Ct);
        Directory.CreateDirectory(folder);
        return new CliWorkspace(folder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = postgres.ConnectionString }, postgres);
    }

    public string WriteFile(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Starts ferry with its output collected in the background, so a full pipe never blocks it.</summary>
    public RunningFerry Start(params string[] args)
    {
        var ferry = Path.Combine(AppContext.BaseDirectory, "ferry.dll");
        Assert.True(File.Exists(ferry), $"{ferry} is missing; the test project references Ferry.Cli, so building it should copy ferry.dll there.");
        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ferry);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["FERRY_ADMIN_PASSWORD"] = "correct horse battery staple";
        info.Environment["DOTNET_NOLOGO"] = "1";
        return new RunningFerry(Process.Start(info)!);
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var ferry = Start(args);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(CommandTimeout);
        try
        {
            await ferry.Process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            ferry.Process.Kill(entireProcessTree: true);
            throw;
        }
        return ferry.Result();
    }

    /// <summary>A plain connection to the database, safe to read from while a ferry process writes it.</summary>
    public DbConnection OpenConnection()
    {
        DbConnection connection = Database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = SqliteFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30 }.ToString())
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public FerryDbContext OpenContext() => DataServiceCollectionExtensions.CreateContext(Database);

    static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public async ValueTask DisposeAsync()
    {
        if (Database.Provider == DatabaseProvider.Sqlite)
        {
            using var connection = new SqliteConnection(Database.SqliteConnectionString());
            SqliteConnection.ClearPool(connection);
        }
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>A started ferry process and the output it has printed so far.</summary>
public sealed class RunningFerry : IDisposable
{
    readonly StringBuilder _stdout = new();
    readonly StringBuilder _stderr = new();

    public RunningFerry(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    /// <summary>The exit code and output of a process that has exited.</summary>
    public CliResult Result()
    {
        // The parameterless wait also waits for the redirected output to be read to its end.
        Process.WaitForExit();
        lock (_stdout)
        {
            lock (_stderr)
            {
                return new CliResult(Process.ExitCode, _stdout.ToString(), _stderr.ToString());
            }
        }
    }

    static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }
        Process.Dispose();
    }
}
