namespace Ferry.Erp.Model;

/// <summary>An item or service the organization buys or sells.</summary>
public sealed class Product : ErpRow
{
    public required string Sku { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>"goods" or "service".</summary>
    public string ProductType { get; set; } = "goods";

    public string? HsnSac { get; set; }

    public long? UnitId { get; set; }

    /// <summary>Unit symbol as the source gave it, e.g. "Nos".</summary>
    public string? UnitSymbol { get; set; }

    public string? Category { get; set; }

    public string? Barcode { get; set; }

    public decimal? SaleRate { get; set; }

    public decimal? PurchaseRate { get; set; }

    public decimal? Mrp { get; set; }

    public decimal? GstRate { get; set; }

    public decimal? ReorderLevel { get; set; }

    public bool IsActive { get; set; } = true;

    public string? SourceGuid { get; set; }
}
