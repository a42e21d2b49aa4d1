using System.Globalization;
using System.Text.Json;

namespace Ferry.Bench;

/// <summary>
/// Each hostile file inspected by the published command as an upload is (format, tables, profiles, suggested data
/// types), with its wall time and peak memory against the goal of under a second and 150 MB. A file must be read or
/// refused with MIG001; anything else fails the run.
/// </summary>
static class HostileBench
{
    const double GoalSeconds = 1;
    const double GoalMegabytes = 150;

    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static int Run(DirectoryInfo work, FileInfo ferry)
    {
        if (!ferry.Exists)
        {
            Console.Error.WriteLine($"{ferry.FullName} is missing: publish it first: `dotnet publish src/Ferry.Cli -c Release -r linux-x64 --self-contained false -o bench/results/cli`.");
            return 2;
        }
        var folder = Directory.CreateDirectory(Path.Combine(work.FullName, "hostile"));
        Console.WriteLine($"{"file",-40} {"size",10} {"seconds",8} {"peak MB",8} {"goal",5}  result");
        var results = new List<object>();
        var failed = false;
        foreach (var file in HostileFiles.All)
        {
            var path = Path.Combine(folder.FullName, file.Name);
            if (!File.Exists(path))
            {
                file.Write(path);
            }
            var size = new FileInfo(path).Length;
            var run = MeasuredRun.Of("dotnet", [ferry.FullName, "inspect", path, "--json"], echoErrors: false);
            var result = Outcome(run);
            var withinGoal = run.Wall.TotalSeconds < GoalSeconds && run.PeakKilobytes / 1024.0 < GoalMegabytes;
            failed |= result is null;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{file.Name,-40} {Size(size),10} {run.Wall.TotalSeconds,8:0.00} {run.PeakKilobytes / 1024.0,8:0} {(withinGoal ? "met" : "MISSED"),5}  {result ?? $"exit {run.ExitCode}: {run.Errors.Trim()}"}"));
            results.Add(new
            {
                file = file.Name,
                what = file.What,
                bytes = size,
                seconds = run.Wall.TotalSeconds,
                peak_mb = run.PeakKilobytes / 1024.0,
                within_goal = withinGoal,
                exit_code = run.ExitCode,
                result,
            });
        }
        File.WriteAllText(Path.Combine(work.FullName, "hostile-results.json"), JsonSerializer.Serialize(results, Indented));
        return failed ? 1 : 0;
    }

    /// <summary>"read: 1 table, 2 columns, 39 rows" or "refused: MIG001 …"; null when the command did neither.</summary>
    static string? Outcome(MeasuredRun run)
    {
        if (run.ExitCode == 0)
        {
            using var json = JsonDocument.Parse(run.Output);
            var tables = json.RootElement.GetProperty("tables").EnumerateArray().ToList();
            var columns = tables.Sum(t => t.GetProperty("columns").GetArrayLength());
            var rows = tables.Sum(t => t.GetProperty("row_count").GetInt64());
            return string.Create(CultureInfo.InvariantCulture, $"read: {tables.Count} table(s), {columns:N0} columns, {rows:N0} rows");
        }
        const string Refusal = "ferry: MIG001: ";
        var error = run.Errors.Trim();
        return run.ExitCode == 2 && error.StartsWith(Refusal, StringComparison.Ordinal)
            ? "refused: " + error[Refusal.Length..Math.Min(error.Length, error.IndexOf(';', StringComparison.Ordinal) is > 0 and var end ? end : error.Length)]
            : null;
    }

    static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB"),
    };
}
