namespace Ferry.Sources.Tally;

public sealed record TallyStockGroup(string Name, string? Parent, string? Guid) : TallyObject;

public sealed record TallyStockCategory(string Name, string? Parent, string? Guid) : TallyObject;

public sealed record TallyGodown(string Name, string? Parent, string? Guid) : TallyObject;

/// <summary>A unit of measure; a compound unit is <see cref="Conversion"/> × <see cref="AdditionalUnits"/> per base unit.</summary>
public sealed record TallyUnit(
    string Name,
    string? OriginalName,
    bool IsSimple,
    string? BaseUnits,
    string? AdditionalUnits,
    decimal? Conversion,
    int? DecimalPlaces,
    string? Guid) : TallyObject;
