using System.CommandLine;
using Ferry.Core;
using Ferry.Core.Profiling;
using Ferry.Core.Sources;
using Ferry.Data.Workflow;
using Ferry.Sources;
using Ferry.Sources.Tally;

namespace Ferry.Cli;

static class InspectCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The file to look at" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var encoding = new Option<string?>("--encoding") { Description = "Read delimited text in this encoding (e.g. windows-1250) instead of the detected one" };
        var limits = new SourceLimitOptions();
        var command = new Command("inspect", "Show what Ferry finds in a file: format, encoding, columns, rows, data types")
        {
            file, json, encoding, limits.MaxColumns, limits.MaxTables,
        };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(json), parse.GetValue(encoding), limits.From(parse)));
        return command;
    }

    static int Run(FileInfo file, bool json, string? encoding, SourceOptions limits)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"ferry: {file.FullName} does not exist.");
            return ExitCodes.InvalidInput;
        }
        try
        {
            if (FormatDetector.Detect(file.FullName) == FormatDetector.TallyXml)
            {
                return PrintTally(file, TallyInspector.Inspect(file.FullName), json);
            }
            var inspection = new SourceOpener(limits).Inspect(file.FullName, new InspectOptions(Encoding: encoding));
            var tables = inspection.Tables.Select(t => InspectTable.Of(t, JobWorkflow.SuggestDataTypes(t))).ToList();
            var result = new InspectResult(file.Name, inspection.Format, inspection.Encoding, inspection.Delimiter, inspection.Quote, inspection.LineEnding, tables);
            if (json)
            {
                JsonOutput.Write(result);
            }
            else
            {
                Console.WriteLine($"{file.Name}: {result.Format}, {result.Encoding}{(result.Delimiter is null ? "" : $", delimiter '{result.Delimiter}'")}");
                foreach (var table in tables)
                {
                    Console.WriteLine($"{table.Name}: header row {table.HeaderRow}, {table.RowCount:N0} rows; looks like {string.Join(", ", table.SuggestedDataTypes.Select(s => $"{s.DataType} ({s.Confidence:P0})"))}");
                    Console.WriteLine($"  columns: {string.Join(", ", table.Columns.Select(c => $"{c} ({table.ColumnTypes[c]})"))}");
                }
            }
            return ExitCodes.Success;
        }
        catch (Exception e) when (ExitCodes.IsUserError(e))
        {
            return ExitCodes.Report(e);
        }
    }

    static int PrintTally(FileInfo file, TallySummary summary, bool json)
    {
        if (json)
        {
            JsonOutput.Write(summary);
            return ExitCodes.Success;
        }
        Console.WriteLine($"{file.Name}: Tally XML export, {summary.Encoding}, company {summary.Company ?? "(not named)"}");
        Console.WriteLine($"masters: {string.Join(", ", summary.Entities.Where(e => e.Key != "vouchers").Select(e => $"{e.Value} {e.Key}"))}");
        Console.WriteLine($"vouchers: {string.Join(", ", summary.VouchersByType.Select(v => $"{v.Value} {v.Key}"))}");
        if (summary.SkippedVouchers.Count > 0)
        {
            Console.WriteLine($"skipped: {string.Join(", ", summary.SkippedVouchers.Select(v => $"{v.Value} {v.Key}"))}");
        }
        foreach (var voucher in summary.FirstUnbalanced)
        {
            Console.WriteLine($"unbalanced: {voucher.Type} {voucher.Number} of {voucher.Date:yyyy-MM-dd}, difference {voucher.Difference}");
        }
        return ExitCodes.Success;
    }

    sealed record InspectTable(
        string Name,
        string? Parent,
        int HeaderRow,
        IReadOnlyList<string> Columns,
        long RowCount,
        long TotalRows,
        IReadOnlyDictionary<string, string> ColumnTypes,
        IReadOnlyList<DataTypeSuggestion> SuggestedDataTypes,
        IReadOnlyList<IReadOnlyDictionary<string, string?>> Preview,
        IReadOnlyList<ColumnProfile> ColumnProfiles)
    {
        public static InspectTable Of(TableInspection table, IReadOnlyList<DataTypeSuggestion> suggestions) => new(
            table.Name, table.Parent, table.HeaderRow, table.Columns, table.RowCount, table.TotalRows,
            table.ColumnProfiles.ToDictionary(c => c.Name, c => c.InferredType, StringComparer.Ordinal),
            suggestions, table.Preview, table.ColumnProfiles);
    }

    sealed record InspectResult(string File, string Format, string Encoding, string? Delimiter, string? Quote, string? LineEnding, IReadOnlyList<InspectTable> Tables);
}
