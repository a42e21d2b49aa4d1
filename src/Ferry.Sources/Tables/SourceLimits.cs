using System.Globalization;
using Ferry.Core.Sources;

namespace Ferry.Sources.Tables;

/// <summary>The refusals of a file past <see cref="SourceOptions"/>, each saying which limit and how to get under it.</summary>
static class SourceLimits
{
    const string ColumnsSetting = $"{SourceOptions.SectionName}:{nameof(SourceOptions.MaxColumns)}; --max-columns of the ferry command";
    const string TablesSetting = $"{SourceOptions.SectionName}:{nameof(SourceOptions.MaxTables)}; --max-tables of the ferry command";

    /// <param name="table">"The sheet 'Customers'", "The file".</param>
    /// <param name="columns">How many columns it has, or null when they were not counted past the limit.</param>
    public static TableTooWideException TooManyColumns(string table, int? columns, int limit) => new(
        $"{table} has {Count(columns, limit)} columns; Ferry reads at most {Number(limit)} per table ({ColumnsSetting}). A stray value far to " +
        "the right makes every column up to it part of the table: delete the columns past the data, or split the table, and upload the file again.");

    /// <param name="table">"The table 'records' (by its record 3)".</param>
    public static TableTooWideException TooManyFields(string table, int limit) => new(
        $"{table} has more than {Number(limit)} different fields; Ferry reads at most {Number(limit)} columns per table ({ColumnsSetting}). " +
        "Keys that hold data (such as ids or dates) rather than field names cannot be read as columns: export the records with fixed field names.");

    /// <param name="file">"The workbook", "The JSON file".</param>
    /// <param name="tables">How many it has, "5,000 sheets"; null when they were not counted past the limit.</param>
    public static SourceFormatException TooManyTables(string file, string? tables, int limit) => new(
        $"{file} has {tables ?? "more than " + Number(limit) + " tables"}; Ferry reads at most {Number(limit)} tables per file ({TablesSetting}). " +
        "Put the tables you need in a file of their own and upload that.");

    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static string Count(int? columns, int limit) => columns is { } count ? Number(count) : "more than " + Number(limit);

}
