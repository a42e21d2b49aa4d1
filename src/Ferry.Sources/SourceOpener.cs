using Ferry.Core.Sources;
using Ferry.Sources.Csv;
using Ferry.Sources.Excel;
using Ferry.Sources.Json;
using Ferry.Sources.Tally;
using Ferry.Sources.Tables;

namespace Ferry.Sources;

/// <summary>
/// Opens and inspects stored uploads, recognising the format by content: delimited text, Excel workbooks (.xlsx and
/// legacy .xls, every sheet that holds data), JSON (arrays, API envelopes, JSON Lines, child lines) and the masters of
/// Tally exports (ledgers, parties, stock items). A file past the <see cref="SourceOptions"/> limits is refused.
/// </summary>
public sealed class SourceOpener : ISourceOpener
{
    /// <summary>The name of the one table of a delimited text file.</summary>
    public const string TextTable = "table";

    readonly SourceOptions _options;

    public SourceOpener(SourceOptions? options = null)
    {
        _options = options ?? new SourceOptions();
        _options.Validate();
    }

    public IRecordReader Open(string path, TableChoice? choice = null)
    {
        choice ??= new TableChoice();
        return FormatDetector.Detect(path) switch
        {
            FormatDetector.Csv => CsvTable.Open(path, choice.HeaderRow, choice.Encoding, _options),
            FormatDetector.Xlsx or FormatDetector.Xls => OpenSheet(path, choice.Table ?? FirstSheetWithData(path), choice.HeaderRow),
            FormatDetector.Json => OpenJson(path, choice.Table),
            FormatDetector.TallyXml => TallyTables.Open(path, choice.Table ?? FirstTallyTable(path)),
            var format => throw Unsupported(format),
        };
    }

    public FileInspection Inspect(string path, InspectOptions? options = null)
    {
        options ??= new InspectOptions();
        var format = FormatDetector.Detect(path);
        switch (format)
        {
            case FormatDetector.Csv:
            {
                using var reader = CsvTable.Open(path, HeaderRowOf(options, TextTable), options.Encoding, _options);
                var table = Profile(reader, TextTable, null, options);
                var source = (CsvRowSource)reader.Source;
                return new FileInspection(format, source.EncodingName, DelimiterName(source.Delimiter), source.LineEnding, [NotEmpty(table)],
                    source.Quote switch { '"' => "double", '\'' => "single", _ => "none" });
            }
            case FormatDetector.Xlsx or FormatDetector.Xls:
                return new FileInspection(format, "binary", null, null, InspectSheets(path, options));
            case FormatDetector.Json:
            {
                var layout = JsonTableFile.Describe(path, _options);
                var tables = new List<TableInspection>();
                foreach (var json in layout.Tables)
                {
                    using var reader = JsonTableFile.Open(path, layout, json.Name);
                    tables.Add(Profile(reader, json.Name, json.Parent, options));
                }
                if (!tables.Any(t => t.RowCount > 0))
                {
                    throw new SourceFormatException("The JSON file holds no records: its arrays are empty.");
                }
                return new FileInspection(layout.Format, layout.Encoding, null, null, tables);
            }
            case FormatDetector.TallyXml:
            {
                var (readers, encoding) = TallyTables.Preview(path, Math.Max(options.PreviewRows, 1000));
                var tables = new List<TableInspection>();
                foreach (var (name, reader, rows) in readers)
                {
                    using (reader)
                    {
                        if (Profile(reader, name, null, options) is { RowCount: > 0 } table)
                        {
                            tables.Add(rows > 0 ? table with { RowCount = rows, TotalRows = rows } : table);
                        }
                    }
                }
                if (tables.Count == 0)
                {
                    throw new SourceFormatException("The Tally export holds no masters and no vouchers. In Tally, export All Masters or the Day Book as XML (Data Interchange).");
                }
                return new FileInspection(format, encoding, null, null, tables);
            }
            default:
                throw Unsupported(format);
        }
    }

    static string FirstTallyTable(string path)
    {
        foreach (var name in TallyTables.Names)
        {
            using var reader = TallyTables.Open(path, name);
            if (reader.Read())
            {
                return name;
            }
        }
        throw new SourceFormatException("The Tally export holds no ledgers or stock items.");
    }

    /// <summary>
    /// The sheets that hold a table, read from one opening of the workbook. A sheet with no header and data, or one
    /// too wide, is passed over unless its header row was chosen; when no sheet is left, why the first too wide one
    /// was refused is the answer.
    /// </summary>
    List<TableInspection> InspectSheets(string path, InspectOptions options)
    {
        var tables = new List<TableInspection>();
        TableTooWideException? tooWide = null;
        foreach (var (sheet, rows) in ExcelWorkbook.Sheets(path, _options.MaxTables))
        {
            GridRecordReader reader;
            try
            {
                reader = GridRecordReader.Open(rows, sheet, HeaderRowOf(options, sheet), null, _options.MaxColumns);
            }
            catch (SourceFormatException) when (HeaderRowOf(options, sheet) is null)
            {
                continue;
            }
            catch (TableTooWideException e) when (HeaderRowOf(options, sheet) is null)
            {
                tooWide ??= e;
                continue;
            }
            using (reader)
            {
                if (Profile(reader, sheet, null, options) is { RowCount: > 0 } table)
                {
                    tables.Add(table);
                }
            }
        }
        if (tables.Count == 0 && tooWide is not null)
        {
            throw tooWide;
        }
        return tables.Count > 0
            ? tables
            : throw new SourceFormatException("No sheet of the workbook holds a header with data rows under it. Check that the data is in the workbook and upload it again.");
    }

    static TableInspection Profile(IRecordReader reader, string name, string? parent, InspectOptions options) =>
        TableProfiler.Profile(reader, name, parent, reader is GridRecordReader grid ? (int)grid.Layout.HeaderRow : 0, options.PreviewRows);

    static TableInspection NotEmpty(TableInspection table) => table.RowCount > 0
        ? table
        : throw new SourceFormatException("The file has a header row but no data rows.");

    static int? HeaderRowOf(InspectOptions options, string table) =>
        options.HeaderRows is { } rows && rows.TryGetValue(table, out var row) ? row : null;

    GridRecordReader OpenSheet(string path, string sheet, long? headerRow) =>
        GridRecordReader.Open(ExcelWorkbook.OpenSheet(path, sheet), sheet, headerRow, null, _options.MaxColumns);

    string FirstSheetWithData(string path)
    {
        foreach (var (sheet, rows) in ExcelWorkbook.Sheets(path, _options.MaxTables))
        {
            using (rows)
            {
                if (rows.Read())
                {
                    return sheet;
                }
            }
        }
        throw new SourceFormatException("No sheet of the workbook holds data.");
    }

    IRecordReader OpenJson(string path, string? table)
    {
        var layout = JsonTableFile.Describe(path, _options);
        var name = table ?? layout.Tables.FirstOrDefault(t => t.RowCount > 0)?.Name
            ?? throw new SourceFormatException("The JSON file holds no records: its arrays are empty.");
        if (!layout.Tables.Any(t => t.Name == name))
        {
            throw new SourceFormatException($"The JSON file has no table '{name}'. Tables: {string.Join(", ", layout.Tables.Select(t => t.Name))}.");
        }
        return JsonTableFile.Open(path, layout, name);
    }

    static SourceFormatException Unsupported(string format) => new($"Files of format '{format}' cannot be read.");

    static string DelimiterName(char delimiter) => delimiter switch
    {
        '\t' => "\\t",
        _ => delimiter.ToString(),
    };
}
