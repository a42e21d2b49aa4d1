using Ferry.Sources.Json;

namespace Ferry.Sources.Tests.Json;

public sealed class JsonTableFileTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    string File(string json, string name = "upload.json") => _folder.File(Bytes.Ascii(json), name);

    [Fact]
    public void A_top_level_array_of_objects_is_the_table_records()
    {
        var path = File("""
            [
              {"contact_name": "Acme Traders", "city": "Pune"},
              {"contact_name": "Beta Stores", "city": "Mumbai"}
            ]
            """);

        var layout = JsonTableFile.Describe(path);

        Assert.Equal("json", layout.Format);
        Assert.Equal("utf-8", layout.Encoding);
        var table = Assert.Single(layout.Tables);
        Assert.Equal("records", table.Name);
        Assert.Null(table.Parent);
        Assert.Equal(2, table.RowCount);
        Assert.Equal(["contact_name", "city"], table.Columns);
        Assert.Equal([["Acme Traders", "Pune"], ["Beta Stores", "Mumbai"]], JsonRows.Of(path, layout, "records"));
    }

    [Fact]
    public void Rows_are_numbered_from_one_and_located_by_record()
    {
        var path = File("""[{"a": "x"}, {"a": "y"}]""");
        var layout = JsonTableFile.Describe(path);

        using var reader = JsonTableFile.Open(path, layout, "records");

        Assert.True(reader.Read());
        Assert.Equal(1, reader.RowNumber);
        Assert.Equal("record 1", reader.Location);
        Assert.True(reader.Read());
        Assert.Equal(2, reader.RowNumber);
        Assert.Equal("record 2", reader.Location);
        Assert.False(reader.Read());
    }

    [Fact]
    public void Each_array_of_objects_in_an_API_envelope_is_a_table_named_after_its_key()
    {
        var path = File("""
            {
              "code": 0,
              "message": "success",
              "contacts": [
                {"contact_id": "5571826000000000358", "contact_name": "Acme Traders"},
                {"contact_id": "5571826000000000359", "contact_name": "Beta Stores"}
              ],
              "warnings": ["slow", "partial"],
              "vendors": [{"contact_id": "5571826000000000400", "contact_name": "Gamma Supplies"}],
              "page_context": {"page": 1, "per_page": 200, "has_more_page": false, "report_name": "Contacts"}
            }
            """);

        var layout = JsonTableFile.Describe(path);

        Assert.Equal("json", layout.Format);
        Assert.Equal(["contacts", "vendors"], layout.Tables.Select(t => t.Name));
        Assert.Equal([2L, 1L], layout.Tables.Select(t => t.RowCount));
        Assert.All(layout.Tables, t => Assert.Null(t.Parent));
        Assert.Equal([["5571826000000000358", "Acme Traders"], ["5571826000000000359", "Beta Stores"]], JsonRows.Of(path, layout, "contacts"));
        Assert.Equal([["5571826000000000400", "Gamma Supplies"]], JsonRows.Of(path, layout, "vendors"));
    }

    [Fact]
    public void An_empty_array_is_a_table_without_rows()
    {
        var path = File("[]");

        var layout = JsonTableFile.Describe(path);

        var table = Assert.Single(layout.Tables);
        Assert.Equal("records", table.Name);
        Assert.Equal(0, table.RowCount);
        Assert.Empty(table.Columns);
        Assert.Empty(JsonRows.Of(path, layout, "records"));
    }

    [Fact]
    public void An_envelope_array_that_came_back_empty_is_a_table_without_rows()
    {
        var path = File("""{"code": 0, "message": "success", "contacts": [], "page_context": {"page": 1}}""");

        var table = Assert.Single(JsonTableFile.Describe(path).Tables);

        Assert.Equal("contacts", table.Name);
        Assert.Equal(0, table.RowCount);
    }

    [Fact]
    public void JSON_Lines_with_blank_lines_and_CRLF_line_ends_is_the_table_records()
    {
        var path = File("{\"id\": 1, \"name\": \"Acme\"}\r\n\r\n{\"id\": 2, \"name\": \"Beta\"}\r\n   \r\n{\"id\": 3, \"name\": \"Gamma\"}", "upload.jsonl");

        var layout = JsonTableFile.Describe(path);

        Assert.Equal("jsonl", layout.Format);
        var table = Assert.Single(layout.Tables);
        Assert.Equal("records", table.Name);
        Assert.Equal(3, table.RowCount);
        Assert.Equal([["1", "Acme"], ["2", "Beta"], ["3", "Gamma"]], JsonRows.Of(path, layout, "records"));
    }

    [Fact]
    public void JSON_Lines_whose_records_hold_arrays_of_objects_are_not_mistaken_for_an_envelope()
    {
        var path = File("""
            {"salesorder_id": "1", "line_items": [{"sku": "A"}]}
            {"salesorder_id": "2", "line_items": [{"sku": "B"}, {"sku": "C"}]}
            """);

        var layout = JsonTableFile.Describe(path);

        Assert.Equal("jsonl", layout.Format);
        Assert.Equal(["records", "records.line_items"], layout.Tables.Select(t => t.Name));
        Assert.Equal([["1", "A", "1"], ["2", "B", "2"], ["2", "C", "2"]], JsonRows.Of(path, layout, "records.line_items"));
    }

    [Fact]
    public void Nested_objects_become_dotted_column_names()
    {
        var path = File("""
            [{"name": "Acme", "billing_address": {"city": "Pune", "geo": {"lat": 18.52, "lng": 73.85}}, "gst_no": "27AAPFU0939F1ZV"}]
            """);

        var layout = JsonTableFile.Describe(path);

        Assert.Equal(["name", "billing_address.city", "billing_address.geo.lat", "billing_address.geo.lng", "gst_no"], layout.Tables[0].Columns);
        Assert.Equal([["Acme", "Pune", "18.52", "73.85", "27AAPFU0939F1ZV"]], JsonRows.Of(path, layout, "records"));
    }

    [Fact]
    public void Arrays_of_scalars_are_joined_into_one_value()
    {
        var path = File("""
            [
              {"sku": "A", "tags": ["fragile", "gift", 3, true, null, ""]},
              {"sku": "B", "tags": []}
            ]
            """);

        var layout = JsonTableFile.Describe(path);

        Assert.Equal(["sku", "tags"], layout.Tables[0].Columns);
        Assert.Equal([["A", "fragile; gift; 3; true"], ["B", null]], JsonRows.Of(path, layout, "records"));
    }

    [Fact]
    public void Arrays_of_objects_become_child_tables_whose_rows_name_their_parent_row()
    {
        var path = File("""
            {
              "code": 0,
              "salesorders": [
                {"salesorder_number": "SO-1", "line_items": [{"sku": "A", "rate": 10.50}, {"sku": "B", "rate": 2}]},
                {"salesorder_number": "SO-2", "line_items": []},
                {"salesorder_number": "SO-3", "line_items": [{"sku": "C", "rate": 7}]}
              ]
            }
            """);

        var layout = JsonTableFile.Describe(path);

        Assert.Equal(["salesorders", "salesorders.line_items"], layout.Tables.Select(t => t.Name));
        Assert.Equal([null, "salesorders"], layout.Tables.Select(t => t.Parent));
        Assert.Equal([3L, 3L], layout.Tables.Select(t => t.RowCount));
        Assert.Equal(["salesorder_number"], layout.Tables[0].Columns);
        Assert.Equal(["_parent", "sku", "rate", "salesorders.salesorder_number"], layout.Tables[1].Columns);
        Assert.Equal([["SO-1"], ["SO-2"], ["SO-3"]], JsonRows.Of(path, layout, "salesorders"));
        Assert.Equal([["1", "A", "10.50", "SO-1"], ["1", "B", "2", "SO-1"], ["3", "C", "7", "SO-3"]], JsonRows.Of(path, layout, "salesorders.line_items"));
    }

    [Fact]
    public void Child_rows_are_numbered_through_their_table_and_located_by_record_and_place_in_the_array()
    {
        var path = File("""
            [
              {"id": 1, "line_items": [{"sku": "A"}]},
              {"id": 2, "line_items": [{"sku": "B"}, {"sku": "C"}]}
            ]
            """);
        var layout = JsonTableFile.Describe(path);

        using var reader = JsonTableFile.Open(path, layout, "records.line_items");

        var seen = new List<(long, string)>();
        while (reader.Read())
        {
            seen.Add((reader.RowNumber, reader.Location));
        }
        Assert.Equal([(1L, "record 1, line_items 1"), (2L, "record 2, line_items 1"), (3L, "record 2, line_items 2")], seen);
    }

    [Fact]
    public void Grandchild_tables_point_at_the_rows_of_their_child_table()
    {
        var path = File("""
            {"salesorders": [
              {"number": "SO-1", "line_items": [
                {"sku": "A", "taxes": [{"tax_name": "CGST", "tax_amount": 9}, {"tax_name": "SGST", "tax_amount": 9}]},
                {"sku": "B", "taxes": [{"tax_name": "IGST", "tax_amount": 18}]}
              ]},
              {"number": "SO-2", "line_items": [{"sku": "C", "taxes": [{"tax_name": "IGST", "tax_amount": 5}]}]}
            ]}
            """);
        var layout = JsonTableFile.Describe(path);

        var taxes = Assert.Single(layout.Tables, t => t.Name == "salesorders.line_items.taxes");
        Assert.Equal("salesorders.line_items", taxes.Parent);
        Assert.Equal(["_parent", "tax_name", "tax_amount", "line_items.sku"], taxes.Columns);
        Assert.Equal([["1", "CGST", "9", "A"], ["1", "SGST", "9", "A"], ["2", "IGST", "18", "B"], ["3", "IGST", "5", "C"]], JsonRows.Of(path, layout, taxes.Name));
        Assert.Equal([["1", "A", "SO-1"], ["1", "B", "SO-1"], ["2", "C", "SO-2"]], JsonRows.Of(path, layout, "salesorders.line_items"));
        using var reader = JsonTableFile.Open(path, layout, taxes.Name);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(reader.Read());
        }
        Assert.Equal("record 2, line_items 1, taxes 1", reader.Location);
    }

    [Fact]
    public void An_array_of_objects_inside_a_nested_object_is_a_child_table_named_by_its_dotted_path()
    {
        var path = File("""[{"id": 7, "shipping": {"carrier": "Blue Dart", "packages": [{"weight": 1.25}, {"weight": 3}]}}]""");

        var layout = JsonTableFile.Describe(path);

        Assert.Equal(["id", "shipping.carrier"], layout.Tables[0].Columns);
        var packages = layout.Tables[1];
        Assert.Equal(("records.shipping.packages", "records"), (packages.Name, packages.Parent));
        using var reader = JsonTableFile.Open(path, layout, packages.Name);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.Equal("record 1, shipping.packages 2", reader.Location);
        Assert.Equal("1", reader.GetValue(0));
        Assert.Equal("3", reader.GetValue(1));
    }

    [Fact]
    public void Columns_are_the_union_of_keys_in_first_seen_order_and_a_missing_key_reads_null()
    {
        var path = File("""
            [
              {"name": "Acme", "city": "Pune"},
              {"name": "Beta", "phone": "+91 98200 00000"},
              {"city": "Nagpur", "email": "gamma@example.in", "name": "Gamma"}
            ]
            """);

        var layout = JsonTableFile.Describe(path);

        Assert.Equal(["name", "city", "phone", "email"], layout.Tables[0].Columns);
        Assert.Equal(
            [["Acme", "Pune", null, null], ["Beta", null, "+91 98200 00000", null], ["Gamma", "Nagpur", null, "gamma@example.in"]],
            JsonRows.Of(path, layout, "records"));
    }

    [Fact]
    public void Null_empty_strings_and_empty_objects_read_as_null_and_booleans_as_true_or_false()
    {
        var path = File("""[{"notes": null, "reference": "", "custom_field_hash": {}, "is_taxable": true, "is_inactive": false}]""");

        var layout = JsonTableFile.Describe(path);

        Assert.Equal(["notes", "reference", "custom_field_hash", "is_taxable", "is_inactive"], layout.Tables[0].Columns);
        Assert.Equal([[null, null, null, "true", "false"]], JsonRows.Of(path, layout, "records"));
    }

    [Fact]
    public void A_key_that_is_empty_in_some_records_and_holds_objects_in_others_is_only_a_child_table_or_nested_fields()
    {
        var path = File("""
            [
              {"id": 1, "custom_fields": [], "billing_address": null},
              {"id": 2, "custom_fields": [{"label": "Region", "value": "West"}], "billing_address": {"city": "Pune"}}
            ]
            """);

        var layout = JsonTableFile.Describe(path);

        Assert.Equal(["id", "billing_address.city"], layout.Tables[0].Columns);
        Assert.Equal(["records", "records.custom_fields"], layout.Tables.Select(t => t.Name));
        Assert.Equal([["1", null], ["2", "Pune"]], JsonRows.Of(path, layout, "records"));
    }

    [Fact]
    public void Arrays_that_have_no_flat_form_keep_their_JSON_as_the_value()
    {
        var path = File("""[{"id": 1, "matrix": [[1, 2], [3, 4]], "mixed": [1, {"a": 2}]}]""");

        var layout = JsonTableFile.Describe(path);

        Assert.Equal([["1", "[[1, 2], [3, 4]]", """[1, {"a": 2}]"""]], JsonRows.Of(path, layout, "records"));
    }

    [Fact]
    public void Strings_are_unescaped()
    {
        var path = File("""[{"name": "Caf\u00e9 \"Bombay\"\\Pune\tTab", "note": "line one\nline two"}]""");

        var layout = JsonTableFile.Describe(path);

        Assert.Equal([["Café \"Bombay\"\\Pune\tTab", "line one\nline two"]], JsonRows.Of(path, layout, "records"));
    }

    [Fact]
    public void Comments_and_trailing_commas_that_tools_leave_in_exports_are_accepted()
    {
        var path = File("""
            // exported 2025-11-25
            [
              {"id": 1, /* first */ "name": "Acme",},
              {"id": 2, "name": "Beta"},
            ]
            """);

        var layout = JsonTableFile.Describe(path);

        Assert.Equal([["1", "Acme"], ["2", "Beta"]], JsonRows.Of(path, layout, "records"));
    }

    [Fact]
    public void Opening_a_table_the_layout_does_not_have_is_an_argument_error()
    {
        var path = File("""[{"id": 1}]""");
        var layout = JsonTableFile.Describe(path);

        Assert.Throws<ArgumentException>(() => JsonTableFile.Open(path, layout, "contacts"));
    }
}
