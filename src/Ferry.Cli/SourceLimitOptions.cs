using System.CommandLine;
using Ferry.Sources;

namespace Ferry.Cli;

/// <summary>--max-columns and --max-tables: how much of one file Ferry reads, as the server's Sources settings say.</summary>
sealed class SourceLimitOptions
{
    static readonly SourceOptions Defaults = new();

    public Option<int> MaxColumns { get; } = AtLeastOne(new Option<int>("--max-columns")
    {
        Description = $"Refuse a table with more columns than this (default {Defaults.MaxColumns})",
        DefaultValueFactory = _ => Defaults.MaxColumns,
    });

    public Option<int> MaxTables { get; } = AtLeastOne(new Option<int>("--max-tables")
    {
        Description = $"Refuse a file with more tables (sheets with data, JSON arrays of records) than this (default {Defaults.MaxTables})",
        DefaultValueFactory = _ => Defaults.MaxTables,
    });

    public SourceOptions From(ParseResult parse) => new() { MaxColumns = parse.GetValue(MaxColumns), MaxTables = parse.GetValue(MaxTables) };

    static Option<int> AtLeastOne(Option<int> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"{option.Name} must be at least 1.");
            }
        });
        return option;
    }
}
