using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Core.Mapping;
using Ferry.Core.Pipeline;
using Ferry.Erp.Model;

namespace Ferry.Erp.Schemas;

/// <summary>Opening stock and stock movements: a product (by SKU) in a warehouse (by name) on a date.</summary>
public sealed class StockSchema : ErpSchema
{
    public override string DataType => DataTypes.Stock;

    public override Type EntityType => typeof(StockMovement);

    public override IReadOnlyDictionary<string, string[]> DerivedFields { get; } = new Dictionary<string, string[]>
    {
        ["value"] = ["quantity", "rate"],
        ["rate"] = ["quantity", "value"],
    };

    public override IReadOnlyList<ErpReference> References { get; } =
    [
        new ErpReference("product_sku", "product_id", typeof(Product), Required: true),
        new ErpReference("warehouse_name", "warehouse_id", typeof(Warehouse), Required: true),
    ];

    public override IReadOnlyList<TargetField> Fields { get; } =
    [
        new("product_sku", FieldType.String, "SKU of the product (must exist)", Required: true, MaxLength: 100,
            Synonyms: ["SKU", "Item SKU", "Item Code", "Product Code", "Item", "Item Name", "Product", "Stock Item", "Code"]),
        new("warehouse_name", FieldType.String, "Warehouse or godown (must exist)", MaxLength: 200,
            Synonyms: ["Warehouse", "Godown", "Location", "Store", "Warehouse Name", "Godown Name"]),
        new("movement_date", FieldType.Date, "Date of the movement; books start date for opening stock",
            Synonyms: ["Date", "As On", "As On Date", "Opening Date", "Movement Date"]),
        new("movement_type", FieldType.String, "opening, in or out; opening by default", MaxLength: 20, Synonyms: ["Movement Type", "Type", "Direction"]),
        new("batch", FieldType.String, "Batch or lot", MaxLength: 100, Synonyms: ["Batch", "Lot", "Batch No", "Lot Number", "Batch Number"]),
        new("quantity", FieldType.Decimal, "Quantity", Required: true,
            Synonyms: ["Quantity", "Qty", "Opening Quantity", "Opening Stock", "Stock on Hand", "Warehouse Stock on Hand", "Closing Stock", "Opening Qty", "Stock"]),
        new("rate", FieldType.Decimal, "Rate per unit", Synonyms: ["Rate", "Unit Cost", "Opening Rate", "Cost", "Cost Price", "Valuation Rate"]),
        new("value", FieldType.Decimal, "Value (quantity × rate when empty)", Synonyms: ["Value", "Amount", "Opening Value", "Stock Value", "Total Value"]),
    ];

    public override void Complete(MappedRecord record)
    {
        var type = record.GetString("movement_type")?.Trim().ToUpperInvariant() switch
        {
            null or "" or "OPENING" or "OPENING STOCK" => "opening",
            "IN" or "INWARD" or "INWARDS" or "RECEIPT" => "in",
            "OUT" or "OUTWARD" or "OUTWARDS" or "ISSUE" => "out",
            _ => null,
        };
        if (type is null)
        {
            record.AddError("movement_type", ErrorCodes.ValidationFailed, $"movement_type '{record.GetString("movement_type")}' must be opening, in or out", record.GetString("movement_type"));
            return;
        }
        record["movement_type"] = type;
        record["warehouse_name"] ??= "Main Location";
        var quantity = record.GetDecimal("quantity") ?? 0m;
        if (quantity < 0)
        {
            record.AddError("quantity", ErrorCodes.ValidationFailed, "quantity cannot be negative; use movement_type out", quantity);
        }
        var rate = record.GetDecimal("rate");
        var value = record.GetDecimal("value");
        if (value is null && rate is not null)
        {
            record["value"] = Math.Round(quantity * rate.Value, 2, MidpointRounding.AwayFromZero);
        }
        else if (rate is null && value is not null && quantity != 0)
        {
            record["rate"] = Math.Round(value.Value / quantity, 4, MidpointRounding.AwayFromZero);
        }
        if (record["movement_date"] is null)
        {
            if (type != "opening")
            {
                record.AddError("movement_date", ErrorCodes.RequiredFieldsMissing, "movement_date is required for in and out movements");
            }
            record["movement_date"] = DateOnly.MinValue;
        }
    }

    public override string NaturalKey(MappedRecord record) => NaturalKeys.Join(
        record.GetString("product_sku"), record.GetString("warehouse_name"), record.GetString("batch"),
        record.GetString("movement_type"), ((DateOnly)record["movement_date"]!).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    public override string Describe(MappedRecord record) =>
        $"{record.GetString("product_sku")} @ {record.GetString("warehouse_name")}";

    public override void MakeDistinct(MappedRecord record, int attempt) =>
        record["batch"] = $"{record.GetString("batch")}#{attempt + 1}";
}
