namespace Ferry.Erp.Model;

/// <summary>A place stock is kept (Tally "godown").</summary>
public sealed class Warehouse : ErpRow
{
    public required string Name { get; set; }

    public long? ParentId { get; set; }

    public string? ParentName { get; set; }

    public string? Address { get; set; }

    public string? SourceGuid { get; set; }
}
