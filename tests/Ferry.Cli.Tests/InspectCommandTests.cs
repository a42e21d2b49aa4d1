using System.Text;
using Ferry.Cli.Tests.Infrastructure;
using Ferry.Tests.Fixtures;

namespace Ferry.Cli.Tests;

public sealed class InspectCommandTests
{
    [Theory]
    [InlineData(",", ",")]
    [InlineData(";", ";")]
    [InlineData("\t", "\\t")]
    public async Task Inspect_prints_the_columns_row_count_and_delimiter_of_a_csv(string delimiter, string delimiterName)
    {
        await using var workspace = await CliWorkspace.CreateAsync();
        var text = Encoding.UTF8.GetString(ContactsCsv.Build(7)).Replace(",", delimiter, StringComparison.Ordinal);
        var file = workspace.WriteFile("contacts.csv", Encoding.UTF8.GetBytes(text));

        var result = await workspace.RunAsync("inspect", file, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        Assert.Equal("csv", json.GetProperty("format").GetString());
        Assert.Equal("utf-8", json.GetProperty("encoding").GetString());
        Assert.Equal(delimiterName, json.GetProperty("delimiter").GetString());
        var table = Assert.Single(json.GetProperty("tables").EnumerateArray());
        Assert.Equal(1, table.GetProperty("header_row").GetInt32());
        Assert.Equal(ContactsCsv.Header.Split(','), table.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(7, table.GetProperty("row_count").GetInt64());
        Assert.Equal("text", table.GetProperty("column_types").GetProperty("GSTIN").GetString());
        var preview = table.GetProperty("preview").EnumerateArray().ToList();
        Assert.Equal(5, preview.Count);
        Assert.Equal(ContactsCsv.Name(1), preview[0].GetProperty("Customer Name").GetString());
        Assert.Equal(ContactsCsv.Gstin(2), preview[1].GetProperty("GSTIN").GetString());
        Assert.Equal(6, table.GetProperty("column_profiles").GetArrayLength());
        Assert.Equal("contacts", table.GetProperty("suggested_data_types")[0].GetProperty("data_type").GetString());
        Assert.False(File.Exists(workspace.SqliteFile));
    }

    [Fact]
    public async Task Inspect_of_a_missing_file_exits_with_2()
    {
        await using var workspace = await CliWorkspace.CreateAsync();

        var result = await workspace.RunAsync("inspect", Path.Combine(workspace.Folder, "nowhere.csv"), "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Inspect_of_a_binary_file_exits_with_2_and_MIG001()
    {
        await using var workspace = await CliWorkspace.CreateAsync();
        var file = workspace.WriteFile("contacts.csv", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);

        var result = await workspace.RunAsync("inspect", file, "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("MIG001", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Inspect_refuses_a_table_wider_than_max_columns_and_reads_it_within_them()
    {
        await using var workspace = await CliWorkspace.CreateAsync();
        var file = workspace.WriteFile("contacts.csv", ContactsCsv.Build(3));

        var refused = await workspace.RunAsync("inspect", file, "--json", "--max-columns", "5");
        var read = await workspace.RunAsync("inspect", file, "--json", "--max-columns", "6");
        var invalid = await workspace.RunAsync("inspect", file, "--max-columns", "0");

        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains("MIG001: The file has 6 columns; Ferry reads at most 5 per table", refused.Stderr, StringComparison.Ordinal);
        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.Equal(6, Assert.Single(read.Json().GetProperty("tables").EnumerateArray()).GetProperty("columns").GetArrayLength());
        Assert.NotEqual(0, invalid.ExitCode);
        Assert.Contains("--max-columns must be at least 1", invalid.Stderr, StringComparison.Ordinal);
    }
}
