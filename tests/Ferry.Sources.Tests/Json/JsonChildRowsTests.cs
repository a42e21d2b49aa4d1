using Ferry.Sources.Json;
using Ferry.Testing;

namespace Ferry.Sources.Tests.Json;

/// <summary>A child row carries its parent row's own fields, so child tables (stock per warehouse, invoice lines) import on their own.</summary>
public sealed class JsonChildRowsTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Parent_fields_written_after_the_array_of_children_still_reach_every_child_row()
    {
        var path = _folder.File(Bytes.Ascii("""
            {"code": 0, "message": "success", "items": [
              {"warehouses": [{"warehouse_name": "Pune", "warehouse_stock_on_hand": 12}, {"warehouse_name": "Mumbai", "warehouse_stock_on_hand": 3}], "sku": "SKU-001", "name": "Steel Rod"},
              {"sku": "SKU-002", "name": "Copper Wire", "warehouses": [{"warehouse_name": "Pune", "warehouse_stock_on_hand": 40}]}
            ]}
            """), "items.json");

        var layout = JsonTableFile.Describe(path);

        var warehouses = Assert.Single(layout.Tables, t => t.Name == "items.warehouses");
        Assert.Equal(["_parent", "warehouse_name", "warehouse_stock_on_hand", "items.sku", "items.name"], warehouses.Columns);
        Assert.Equal(
            [["1", "Pune", "12", "SKU-001", "Steel Rod"], ["1", "Mumbai", "3", "SKU-001", "Steel Rod"], ["2", "Pune", "40", "SKU-002", "Copper Wire"]],
            JsonRows.Of(path, layout, "items.warehouses"));
    }

    [Fact]
    public void A_parent_without_a_field_gives_its_children_an_empty_value_not_the_previous_parent_s()
    {
        var path = _folder.File(Bytes.Ascii("""
            [
              {"invoice_number": "INV-1", "customer_name": "Acme", "line_items": [{"sku": "A"}]},
              {"invoice_number": "INV-2", "line_items": [{"sku": "B"}]}
            ]
            """), "invoices.json");

        var layout = JsonTableFile.Describe(path);

        Assert.Equal([["1", "A", "INV-1", "Acme"], ["2", "B", "INV-2", null]], JsonRows.Of(path, layout, "records.line_items"));
    }

    [Fact]
    public void The_opener_profiles_child_rows_with_their_parent_fields_so_mapping_can_use_them()
    {
        var path = _folder.File(Bytes.Ascii("""
            {"items": [{"sku": "SKU-001", "warehouses": [{"warehouse_name": "Pune", "warehouse_stock_on_hand": 12}]}]}
            """), "stock.json");

        var inspection = new SourceOpener().Inspect(path);

        var child = Assert.Single(inspection.Tables, t => t.Name == "items.warehouses");
        Assert.Equal("SKU-001", child.Preview[0]["items.sku"]);
    }
}
