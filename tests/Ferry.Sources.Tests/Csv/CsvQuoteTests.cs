using Ferry.Sources.Csv;
using Ferry.Sources.Tables;
using Ferry.Testing;

namespace Ferry.Sources.Tests.Csv;

/// <summary>The quote character of delimited text is found and reported, and fields wrapped in it read whole.</summary>
public sealed class CsvQuoteTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    (char? Quote, List<string[]> Rows) Read(string text)
    {
        using var reader = CsvTable.Open(_folder.File(Bytes.Ascii(text)));
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.Columns.Count).Select(i => reader.GetValue(i) ?? "")]);
        }
        return (((CsvRowSource)reader.Source).Quote, rows);
    }

    [Fact]
    public void Fields_wrapped_in_double_quotes_keep_their_delimiters()
    {
        var (quote, rows) = Read("Name,City\n\"Acme, Ltd\",Pune\n\"Say \"\"Hi\"\"\",Delhi\n");

        Assert.Equal('"', quote);
        Assert.Equal(["Acme, Ltd", "Pune"], rows[0]);
        Assert.Equal(["Say \"Hi\"", "Delhi"], rows[1]);
    }

    [Fact]
    public void Fields_wrapped_in_single_quotes_are_read_with_the_single_quote_and_a_doubled_one_stays_in_the_value()
    {
        var (quote, rows) = Read("Name;City\n'Acme; Ltd';'Pune'\n'O''Brien Traders';'Delhi'\n");

        Assert.Equal('\'', quote);
        Assert.Equal(["Acme; Ltd", "Pune"], rows[0]);
        Assert.Equal(["O'Brien Traders", "Delhi"], rows[1]);
    }

    [Fact]
    public void Apostrophes_inside_unquoted_values_are_not_taken_for_quotes()
    {
        var (quote, rows) = Read("Name,City\nO'Brien,Pune\nD'Souza & Sons,Margao\n");

        Assert.Null(quote);
        Assert.Equal(["O'Brien", "Pune"], rows[0]);
        Assert.Equal(["D'Souza & Sons", "Margao"], rows[1]);
    }

    [Fact]
    public void The_opener_reports_the_quote_style()
    {
        var opener = new SourceOpener();

        Assert.Equal("double", opener.Inspect(_folder.File(Bytes.Ascii("a,b\n\"1\",2\n"), "double.csv")).Quote);
        Assert.Equal("single", opener.Inspect(_folder.File(Bytes.Ascii("a,b\n'1','2'\n'3','4'\n"), "single.csv")).Quote);
        Assert.Equal("none", opener.Inspect(_folder.File(Bytes.Ascii("a,b\n1,2\n"), "none.csv")).Quote);
    }
}
