using Ferry.Core.Jobs;
using Ferry.Erp.Schemas;
using Ferry.Testing;

namespace Ferry.Core.Tests.Schemas;

[UseCulture("de-DE")]
public sealed class OtherSchemaTests
{
    [Fact]
    public void A_product_without_a_code_is_keyed_by_its_name()
    {
        var record = SingleRow.Map(new ProductSchema(), ("Item Name", "name", "Steel  Bolt 10mm"));

        Assert.Equal("Steel  Bolt 10mm", record["sku"]);
        Assert.Equal("STEEL BOLT 10MM", record.NaturalKey);
        Assert.Equal("goods", record["product_type"]);
        Assert.Equal(true, record["is_active"]);
    }

    [Fact]
    public void Product_GST_rate_written_as_a_percentage_is_read_as_a_number()
    {
        var record = SingleRow.Map(new ProductSchema(), ("Item Name", "name", "Bolt"), ("GST %", "gst_rate", "18%"), ("HSN/SAC", "hsn_sac", "7318 15"));

        Assert.False(record.HasErrors);
        Assert.Equal(18m, record["gst_rate"]);
        Assert.Equal("731815", record["hsn_sac"]);
    }

    [Theory]
    [InlineData("GST %", "gst_rate", "118")]
    [InlineData("Selling Price", "sale_rate", "-10")]
    [InlineData("Item Type", "product_type", "Bundle")]
    [InlineData("Status", "is_active", "perhaps")]
    public void Impossible_product_values_are_errors_on_their_field(string header, string field, string value) =>
        Assert.Equal(field, Assert.Single(SingleRow.Map(new ProductSchema(), ("Item Name", "name", "Bolt"), (header, field, value)).Errors()).Field);

    [Fact]
    public void A_service_marked_inactive_is_imported_as_such()
    {
        var record = SingleRow.Map(new ProductSchema(), ("Item Name", "name", "Installation"), ("Item Type", "product_type", "Service"), ("Status", "is_active", "Inactive"));

        Assert.Equal("service", record["product_type"]);
        Assert.Equal(false, record["is_active"]);
    }

    [Theory]
    [InlineData("Sundry Creditors", "Cr")]
    [InlineData("Capital Account", "Cr")]
    [InlineData("Sundry Debtors", "Dr")]
    [InlineData("Bank Accounts", "Dr")]
    public void A_ledger_balance_without_a_marker_takes_the_natural_side_of_its_group(string group, string side)
    {
        var record = SingleRow.Map(new LedgerSchema(), ("Particulars", "name", "Sharma & Sons"), ("Under", "group_name", group), ("Opening Balance", "opening_balance", "45,000.00"));

        Assert.Equal(45000m, record["opening_balance"]);
        Assert.Equal(side, record["opening_balance_side"]);
        Assert.Equal("SHARMA & SONS", record.NaturalKey);
    }

    [Fact]
    public void Opening_stock_value_is_quantity_times_rate()
    {
        var record = SingleRow.Map(new StockSchema(), ("Item Code", "product_sku", "BOLT-10"), ("Qty", "quantity", "12.5"), ("Rate", "rate", "3.33"));

        Assert.False(record.HasErrors);
        Assert.Equal(41.63m, record["value"]);
        Assert.Equal("opening", record["movement_type"]);
        Assert.Equal("Main Location", record["warehouse_name"]);
    }

    [Fact]
    public void A_stock_movement_out_needs_a_date()
    {
        var record = SingleRow.Map(new StockSchema(), ("Item Code", "product_sku", "BOLT-10"), ("Qty", "quantity", "5"), ("Direction", "movement_type", "Outward"));

        var issue = Assert.Single(record.Errors());
        Assert.Equal("movement_date", issue.Field);
        Assert.Equal(ErrorCodes.RequiredFieldsMissing, issue.ErrorCode);
    }

    [Fact]
    public void A_stock_key_includes_the_date_in_ISO_form()
    {
        var record = SingleRow.Map(new StockSchema(), ("Item Code", "product_sku", "bolt-10"), ("Godown", "warehouse_name", "Pune"), ("Qty", "quantity", "5"), ("Date", "movement_date", "01-04-2024"));

        Assert.Equal("BOLT-10|PUNE||OPENING|2024-04-01", record.NaturalKey);
    }

    [Fact]
    public void Schemas_are_found_by_their_data_type_name()
    {
        Assert.IsType<ContactSchema>(ErpSchemas.Get(DataTypes.Contacts));
        Assert.IsType<LedgerSchema>(ErpSchemas.Get(DataTypes.Ledgers));
    }

    [Theory]
    [InlineData("vouchers", "Vouchers cannot be imported from a table file.")]
    [InlineData("invoices", "'invoices' is not a data type")]
    public void Asking_for_a_data_type_without_a_table_schema_is_a_mapping_error(string name, string message)
    {
        var error = Assert.Throws<FerryException>(() => ErpSchemas.Get(name));

        Assert.Equal(ErrorCodes.MappingInvalid, error.ErrorCode);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
