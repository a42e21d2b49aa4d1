using System.CommandLine;
using Ferry.Core;
using Ferry.Data.Workflow;
using Ferry.Sources;

namespace Ferry.Cli;

static class InspectCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The file to look at" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("inspect", "Show what Ferry finds in a file: format, encoding, columns, rows, data types") { file, json };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(json)));
        return command;
    }

    static int Run(FileInfo file, bool json)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"ferry: {file.FullName} does not exist.");
            return ExitCodes.InvalidInput;
        }
        try
        {
            var inspection = new SourceOpener().Inspect(file.FullName);
            var suggestions = JobWorkflow.SuggestDataTypes(inspection);
            var result = new InspectResult(file.Name, inspection.Format, inspection.Encoding, inspection.Delimiter, inspection.Columns,
                inspection.RowCount, inspection.Preview, inspection.ColumnProfiles, suggestions,
                [new InspectTable(Path.GetFileNameWithoutExtension(file.Name), 1, inspection.Columns, inspection.RowCount, suggestions)]);
            if (json)
            {
                JsonOutput.Write(result);
            }
            else
            {
                Console.WriteLine($"{file.Name}: {result.Format}, {result.Encoding}, delimiter '{result.Delimiter}', {result.RowCount:N0} rows");
                Console.WriteLine($"columns: {string.Join(", ", result.Columns)}");
                Console.WriteLine($"looks like: {string.Join(", ", suggestions.Select(s => $"{s.DataType} ({s.Confidence:P0})"))}");
            }
            return ExitCodes.Success;
        }
        catch (Exception e) when (ExitCodes.IsUserError(e))
        {
            return ExitCodes.Report(e);
        }
    }

    sealed record InspectTable(string Name, int HeaderRow, IReadOnlyList<string> Columns, long RowCount, IReadOnlyList<DataTypeSuggestion> SuggestedDataTypes);

    sealed record InspectResult(
        string File,
        string Format,
        string Encoding,
        string? Delimiter,
        IReadOnlyList<string> Columns,
        long RowCount,
        IReadOnlyList<IReadOnlyDictionary<string, string?>> Preview,
        IReadOnlyList<Core.Sources.ColumnProfile> ColumnProfiles,
        IReadOnlyList<DataTypeSuggestion> SuggestedDataTypes,
        IReadOnlyList<InspectTable> Tables);
}
