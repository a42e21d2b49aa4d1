using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Core.Mapping;
using Ferry.Core.Pipeline;
using Ferry.Erp.Model;

namespace Ferry.Erp.Schemas;

/// <summary>Items and services: keyed by SKU (the item name when the file has no code).</summary>
public sealed class ProductSchema : ErpSchema
{
    public override string DataType => DataTypes.Products;

    public override Type EntityType => typeof(Product);

    public override IReadOnlyDictionary<string, string[]> DerivedFields { get; } = new Dictionary<string, string[]>
    {
        ["sku"] = ["name"],
    };

    public override IReadOnlyList<TargetField> Fields { get; } =
    [
        new("sku", FieldType.String, "Item code; the item name is used when empty", MaxLength: 100,
            Synonyms: ["SKU", "Item Code", "Product Code", "Code", "Part Number", "Part No", "Item No", "Stock Item Code", "Article Number"]),
        new("name", FieldType.String, "Item name", Required: true, MaxLength: 200,
            Synonyms: ["Name", "Item Name", "Product Name", "Stock Item", "Stock Item Name", "Item", "Product", "Title"]),
        new("description", FieldType.String, "Description", MaxLength: 4000, Synonyms: ["Description", "Item Description", "Product Description", "Details", "Sales Description"]),
        new("product_type", FieldType.String, "goods or service", MaxLength: 20, Synonyms: ["Product Type", "Item Type", "Type", "Goods/Service"]),
        new("hsn_sac", FieldType.String, "HSN code (goods) or SAC (services)", MaxLength: 20,
            Synonyms: ["HSN", "HSN/SAC", "HSN Code", "SAC", "SAC Code", "HSN/SAC Code", "HSN_SAC", "HSN or SAC", "Tariff Code"]),
        new("unit_symbol", FieldType.String, "Unit of measure, e.g. Nos, Kg, Box", MaxLength: 30,
            Synonyms: ["Unit", "UOM", "Unit of Measure", "Units", "Usage Unit", "Base Unit", "Unit Name"]),
        new("category", FieldType.String, "Category or stock group", MaxLength: 100, Synonyms: ["Category", "Item Group", "Stock Group", "Group", "Product Category", "Stock Category"]),
        new("barcode", FieldType.String, "Barcode (EAN/UPC)", MaxLength: 50, Synonyms: ["Barcode", "EAN", "UPC", "Bar Code", "GTIN"]),
        new("sale_rate", FieldType.Decimal, "Selling price per unit", Synonyms: ["Selling Price", "Sale Price", "Sales Rate", "Rate", "Price", "Unit Price", "Sale Rate", "Selling Rate"]),
        new("purchase_rate", FieldType.Decimal, "Purchase price per unit", Synonyms: ["Purchase Price", "Cost Price", "Purchase Rate", "Cost", "Buying Price", "Purchase Cost"]),
        new("mrp", FieldType.Decimal, "Maximum retail price", Synonyms: ["MRP", "Maximum Retail Price", "List Price"]),
        new("gst_rate", FieldType.Decimal, "GST rate in percent (18 for 18%)", Synonyms: ["GST Rate", "Tax Rate", "GST %", "GST", "Intra State Tax Rate", "Tax Percentage", "IGST Rate", "Tax %", "GST Rate (%)"]),
        new("reorder_level", FieldType.Decimal, "Quantity at which to reorder", Synonyms: ["Reorder Level", "Reorder Point", "Minimum Stock", "Reorder Qty"]),
        new("is_active", FieldType.Boolean, "Whether the item can be used", Synonyms: ["Status", "Active", "Is Active", "Enabled"]),
    ];

    public override void Complete(MappedRecord record)
    {
        var name = record.GetString("name");
        if (record.GetString("sku") is null && name is not null)
        {
            record["sku"] = name.Length <= 100 ? name : name[..100];
        }
        var type = record.GetString("product_type")?.Trim().ToUpperInvariant() switch
        {
            null or "" or "GOODS" or "GOOD" or "INVENTORY" or "ITEM" or "PRODUCT" or "STOCK" => "goods",
            "SERVICE" or "SERVICES" or "NON-INVENTORY" => "service",
            _ => null,
        };
        if (type is null)
        {
            record.AddError("product_type", ErrorCodes.ValidationFailed, $"product_type '{record.GetString("product_type")}' must be goods or service", record.GetString("product_type"));
            return;
        }
        record["product_type"] = type;
        record["is_active"] ??= true;
        foreach (var rate in (ReadOnlySpan<string>)["sale_rate", "purchase_rate", "mrp"])
        {
            if (record.GetDecimal(rate) < 0)
            {
                record.AddError(rate, ErrorCodes.ValidationFailed, $"{rate} cannot be negative", record.GetDecimal(rate));
            }
        }
        if (record.GetDecimal("gst_rate") is { } gst && (gst < 0 || gst > 100))
        {
            record.AddError("gst_rate", ErrorCodes.ValidationFailed, $"gst_rate {gst} must be a percentage between 0 and 100", gst);
        }
        if (record.GetString("hsn_sac") is { } hsn)
        {
            record["hsn_sac"] = hsn.Replace(" ", "", StringComparison.Ordinal);
        }
    }

    public override string NaturalKey(MappedRecord record) => NaturalKeys.Normalize(record.GetString("sku"));

    public override string Describe(MappedRecord record) => $"{record.GetString("sku")} {record.GetString("name")}".Trim();

    public override void MakeDistinct(MappedRecord record, int attempt) =>
        record["sku"] = $"{record.GetString("sku")}-{attempt + 1}";
}
