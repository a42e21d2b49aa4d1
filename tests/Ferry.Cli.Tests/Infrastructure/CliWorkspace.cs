using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Ferry.Data;
using Microsoft.Data.Sqlite;

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
/// A temporary folder to run the ferry command in, with its SQLite database and upload folder; deleted afterwards.
/// ferry.dll is copied next to the test assembly by the project reference and runs under the dotnet host.
/// </summary>
public sealed class CliWorkspace : IDisposable
{
    static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    public CliWorkspace()
    {
        Folder = Path.Combine(Path.GetTempPath(), "ferry-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Database => Path.Combine(Folder, "ferry.db");

    static CancellationToken Ct => TestContext.Current.CancellationToken;

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

    /// <summary>A connection that only reads, safe to use while a ferry process writes the database.</summary>
    public SqliteConnection OpenReadOnly()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }

    public FerryDbContext OpenContext() =>
        DataServiceCollectionExtensions.CreateContext(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = Database });

    static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public void Dispose()
    {
        using (var connection = new SqliteConnection(new DatabaseOptions { ConnectionString = Database }.SqliteConnectionString()))
        {
            SqliteConnection.ClearPool(connection);
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
