namespace Ferry.Sources.Tally;

/// <summary>A quantity as Tally writes it (" 19 Number"); unsigned in exports, the line's direction gives its sense.</summary>
public readonly record struct TallyQuantity(decimal Value, string? Unit);

/// <summary>A price per unit as Tally writes it ("80.00/Number").</summary>
public readonly record struct TallyRate(decimal Value, string? Unit);
