using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ferry.Bench;

var rowsOption = new Option<int[]>("--rows") { Description = "Row counts to measure", DefaultValueFactory = _ => [100_000, 1_000_000], AllowMultipleArgumentsPerToken = true };
var rounds = new Option<int>("--rounds") { Description = "Interleaved rounds per row count", DefaultValueFactory = _ => 1 };
var work = new Option<DirectoryInfo>("--work") { Description = "Folder for generated files and databases", DefaultValueFactory = _ => new DirectoryInfo("bench/results") };
var ferry = new Option<FileInfo>("--ferry") { Description = "ferry.dll to measure (the published, ReadyToRun build)", DefaultValueFactory = _ => new FileInfo("bench/results/cli/ferry.dll") };
var root = new RootCommand("Ferry end-to-end benchmark: full contact import vs a raw sqlite3 .import of the same file") { rowsOption, rounds, work, ferry };
root.SetAction(parse => Run(parse.GetValue(rowsOption)!, parse.GetValue(rounds), parse.GetValue(work)!, parse.GetValue(ferry)!));
var megabytes = new Option<int>("--megabytes") { Description = "Size of the generated day book", DefaultValueFactory = _ => 200 };
var tally = new Command("tally", "Whole-books import of a generated UTF-16 Tally day book vs a bare XmlReader pass over the same file") { megabytes, work, ferry };
tally.SetAction(parse => TallyBench.Run(parse.GetValue(megabytes), parse.GetValue(work)!, parse.GetValue(ferry)!));
root.Subcommands.Add(tally);
var hostile = new Command("hostile", "Inspect small hostile files (cells at XFD1, 200,000 columns, whole-sheet ranges, keys that hold data) as uploads are, with time and peak memory of each") { work, ferry };
hostile.SetAction(parse => HostileBench.Run(parse.GetValue(work)!, parse.GetValue(ferry)!));
root.Subcommands.Add(hostile);
return await root.Parse(args).InvokeAsync();

static int Run(int[] rowCounts, int rounds, DirectoryInfo work, FileInfo ferry)
{
    if (!ferry.Exists)
    {
        Console.Error.WriteLine($"{ferry.FullName} is missing: publish it first: `dotnet publish src/Ferry.Cli -c Release -r linux-x64 --self-contained false -o bench/results/cli`.");
        return 2;
    }
    work.Create();
    var results = new List<object>();
    Console.WriteLine($"{"rows",10} {"round",5} {"sqlite3 .import",16} {"ferry import",14} {"ratio",6} {"ferry rows/s",13} {"ferry peak MB",14} {"rollback",9}");
    foreach (var rows in rowCounts)
    {
        var csv = Path.Combine(work.FullName, $"contacts-{rows}.csv");
        if (!File.Exists(csv))
        {
            ContactFileGenerator.Write(csv, rows);
        }
        for (var round = 1; round <= rounds; round++)
        {
            var rawDb = Fresh(Path.Combine(work.FullName, "raw.db"));
            var raw = MeasuredRun.Of("sqlite3", [rawDb], $".mode csv\n.import '{csv}' contacts\n");
            var ferryDb = Fresh(Path.Combine(work.FullName, "ferry", "ferry.db"));
            var import = MeasuredRun.Of("dotnet", [ferry.FullName, "import", csv, "--type", "contacts", "--db", ferryDb, "--json"]);
            using var json = JsonDocument.Parse(import.Output);
            var job = json.RootElement.GetProperty("job_id").GetString()!;
            var succeeded = json.RootElement.GetProperty("records_succeeded").GetInt64();
            var rollback = MeasuredRun.Of("dotnet", [ferry.FullName, "rollback", job, "--db", ferryDb, "--json"]);
            var ratio = import.Wall / raw.Wall;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{rows,10:N0} {round,5} {raw.Wall.TotalSeconds,14:0.00} s {import.Wall.TotalSeconds,12:0.00} s {ratio,6:0.00} {rows / import.Wall.TotalSeconds,13:N0} {import.PeakKilobytes / 1024.0,14:0} {rollback.Wall.TotalSeconds,7:0.00} s"));
            if (succeeded != rows)
            {
                Console.Error.WriteLine($"ferry imported {succeeded} of {rows} rows: {import.Output}");
                return 1;
            }
            results.Add(new
            {
                rows,
                round,
                sqlite_import_seconds = raw.Wall.TotalSeconds,
                ferry_import_seconds = import.Wall.TotalSeconds,
                ratio,
                ferry_rows_per_second = rows / import.Wall.TotalSeconds,
                ferry_peak_mb = import.PeakKilobytes / 1024.0,
                sqlite_peak_mb = raw.PeakKilobytes / 1024.0,
                rollback_seconds = rollback.Wall.TotalSeconds,
                rollback_peak_mb = rollback.PeakKilobytes / 1024.0,
            });
        }
    }
    File.WriteAllText(Path.Combine(work.FullName, "results.json"), JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
    return 0;
}

static string Fresh(string path)
{
    var folder = Path.GetDirectoryName(path)!;
    if (Directory.Exists(folder) && folder.EndsWith("ferry", StringComparison.Ordinal))
    {
        Directory.Delete(folder, recursive: true);
    }
    Directory.CreateDirectory(folder);
    foreach (var file in Directory.GetFiles(folder, Path.GetFileName(path) + "*"))
    {
        File.Delete(file);
    }
    return path;
}
