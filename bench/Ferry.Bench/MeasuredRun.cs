using System.Diagnostics;
using System.Globalization;

namespace Ferry.Bench;

/// <summary>A command run under GNU time: wall time and peak resident memory of the whole process.</summary>
sealed record MeasuredRun(TimeSpan Wall, long PeakKilobytes, int ExitCode, string Output, string Errors)
{
    /// <param name="echoErrors">Whether what a failing command wrote to stderr is echoed, rather than only kept in <see cref="Errors"/>.</param>
    public static MeasuredRun Of(string program, IEnumerable<string> arguments, string? standardInput = null, bool echoErrors = true)
    {
        var report = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-f", "%M", "-o", report, program, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        clock.Stop();
        var peak = long.Parse(File.ReadAllLines(report).Last(l => l.Length > 0 && char.IsAsciiDigit(l[0])), CultureInfo.InvariantCulture);
        File.Delete(report);
        if (process.ExitCode != 0 && echoErrors)
        {
            Console.Error.WriteLine(errors.Result);
        }
        return new MeasuredRun(clock.Elapsed, peak, process.ExitCode, output.Result, errors.Result);
    }
}
