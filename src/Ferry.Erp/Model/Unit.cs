namespace Ferry.Erp.Model;

/// <summary>A unit of measure, simple ("Nos") or compound ("Box of 12 Nos").</summary>
public sealed class Unit : ErpRow
{
    public required string Symbol { get; set; }

    public string? FormalName { get; set; }

    public long DecimalPlaces { get; set; }

    public bool IsCompound { get; set; }

    public long? BaseUnitId { get; set; }

    /// <summary>For a compound unit, the symbol of its base unit as the source gave it.</summary>
    public string? BaseUnitSymbol { get; set; }

    public long? AdditionalUnitId { get; set; }

    public string? AdditionalUnitSymbol { get; set; }

    public decimal? Conversion { get; set; }

    public string? SourceGuid { get; set; }
}
