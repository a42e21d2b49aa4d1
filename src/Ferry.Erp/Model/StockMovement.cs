namespace Ferry.Erp.Model;

/// <summary>A quantity of a product entering or leaving a warehouse; opening stock is a movement too.</summary>
public sealed class StockMovement : ErpRow
{
    public long ProductId { get; set; }

    /// <summary>The product's name as the source gave it.</summary>
    public string? ItemName { get; set; }

    public long? WarehouseId { get; set; }

    public string? WarehouseName { get; set; }

    public DateOnly MovementDate { get; set; }

    /// <summary>"opening", "in" or "out".</summary>
    public string MovementType { get; set; } = "opening";

    public string? Batch { get; set; }

    public decimal Quantity { get; set; }

    public decimal? Rate { get; set; }

    public decimal? Value { get; set; }

    public long? VoucherId { get; set; }
}
