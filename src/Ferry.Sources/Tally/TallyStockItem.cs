namespace Ferry.Sources.Tally;

/// <summary>A stock item. <see cref="GstRate"/> is the integrated rate (IGST, or CGST + SGST when only those are given).</summary>
public sealed record TallyStockItem(
    string Name,
    string? Parent,
    string? Category,
    string? BaseUnit,
    string? Hsn,
    decimal? GstRate,
    TallyQuantity? OpeningQuantity,
    TallyRate? OpeningRate,
    decimal? OpeningValue,
    IReadOnlyList<TallyOpeningBatch> OpeningBatches,
    string? Guid) : TallyObject;

/// <summary>The opening stock of one godown and batch; rows add up to the item's totals and may be negative.</summary>
public sealed record TallyOpeningBatch(
    string? Godown,
    string? Batch,
    TallyQuantity? Quantity,
    TallyRate? Rate,
    decimal? Value);
