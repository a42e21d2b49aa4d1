using Ferry.Core.Sources;
using Ferry.Data.Workflow;

namespace Ferry.Data.Tests.Workflow;

/// <summary>What an uploaded table looks like, judged from its column names.</summary>
public sealed class DataTypeSuggestionTests
{
    static TableInspection Table(params string[] columns) => new("table", null, 1, columns, 10, 0, [], []);

    [Fact]
    public void A_wide_item_export_is_confidently_products_despite_its_many_other_columns()
    {
        string[] items = ["Item ID", "Item Name", "SKU", "HSN/SAC", "Unit", "Selling Price", "Purchase Price", "Intra State Tax Rate"];
        string[] other = [.. Enumerable.Range(1, 30).Select(i => $"CF.Custom Field {i}")];

        var best = JobWorkflow.SuggestDataTypes(Table([.. items, .. other]))[0];

        Assert.Equal("products", best.DataType);
        Assert.InRange(best.Confidence, 0.5, 1.0);
    }

    [Fact]
    public void A_customer_list_is_contacts_before_ledgers()
    {
        var suggestions = JobWorkflow.SuggestDataTypes(Table("Customer Name", "E-mail", "GSTIN", "Phone", "City", "Opening Balance"));

        Assert.Equal("contacts", suggestions[0].DataType);
        Assert.True(suggestions.Count < 2 || suggestions[1].Confidence < suggestions[0].Confidence);
    }

    [Fact]
    public void A_table_with_nothing_recognisable_suggests_nothing()
    {
        Assert.Empty(JobWorkflow.SuggestDataTypes(Table("Foo", "Bar", "Baz")));
    }
}
