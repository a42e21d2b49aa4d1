using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Ferry.Bench;

/// <summary>
/// A day book of the given size imported whole (masters, every voucher with its lines, reconciliation) against the
/// floor any reader of the format has: one XmlReader pass over every node of the same file.
/// </summary>
static class TallyBench
{
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static int Run(int megabytes, DirectoryInfo work, FileInfo ferry)
    {
        if (!ferry.Exists)
        {
            Console.Error.WriteLine($"{ferry.FullName} is missing: publish it first: `dotnet publish src/Ferry.Cli -c Release -r linux-x64 --self-contained false -o bench/results/cli`.");
            return 2;
        }
        work.Create();
        var file = Path.Combine(work.FullName, $"tally-daybook-{megabytes}mb.xml");
        var vouchers = TallyDayBookGenerator.Write(file, megabytes * 1024L * 1024L);
        var size = new FileInfo(file).Length;

        var clock = Stopwatch.StartNew();
        var nodes = BareXmlReaderPass(file);
        var bare = clock.Elapsed;

        var db = Path.Combine(work.FullName, "tally", "ferry.db");
        if (Directory.Exists(Path.GetDirectoryName(db)))
        {
            Directory.Delete(Path.GetDirectoryName(db)!, recursive: true);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        var import = MeasuredRun.Of("dotnet", [ferry.FullName, "import", file, "--source", "tally", "--db", db, "--json", "--batch-size", "500"]);
        using var json = JsonDocument.Parse(import.Output);
        var imported = json.RootElement.GetProperty("by_entity").GetProperty("vouchers").GetProperty("inserted").GetInt64();
        var matches = json.RootElement.GetProperty("reconciliation").GetProperty("matches").GetBoolean();
        var ratio = import.Wall / bare;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{size / 1024.0 / 1024.0:0} MB, {vouchers:N0} vouchers ({nodes:N0} XML nodes): XmlReader {bare.TotalSeconds:0.00} s; ferry import {import.Wall.TotalSeconds:0.00} s " +
            $"({vouchers / import.Wall.TotalSeconds:N0} vouchers/s, {ratio:0.0}× the bare pass, peak {import.PeakKilobytes / 1024.0:0} MB); {imported:N0} imported, reconciliation matches: {matches}"));
        File.WriteAllText(Path.Combine(work.FullName, "tally-results.json"), JsonSerializer.Serialize(new
        {
            megabytes = size / 1024.0 / 1024.0,
            vouchers,
            bare_xmlreader_seconds = bare.TotalSeconds,
            ferry_import_seconds = import.Wall.TotalSeconds,
            ratio,
            vouchers_per_second = vouchers / import.Wall.TotalSeconds,
            ferry_peak_mb = import.PeakKilobytes / 1024.0,
            imported,
            reconciliation_matches = matches,
        }, Indented));
        return imported == vouchers && matches ? 0 : 1;
    }

    static long BareXmlReaderPass(string path)
    {
        using var text = new StreamReader(path, Encoding.Unicode, detectEncodingFromByteOrderMarks: true);
        using var xml = XmlReader.Create(text, new XmlReaderSettings { CheckCharacters = false, DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        long nodes = 0;
        while (xml.Read())
        {
            nodes++;
        }
        return nodes;
    }
}
