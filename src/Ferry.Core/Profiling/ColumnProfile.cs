namespace Ferry.Core.Profiling;

/// <summary>What the values of one column look like.</summary>
/// <param name="InferredType">text, integer, decimal, amount, date, datetime, boolean or empty.</param>
/// <param name="DistinctEstimate">Number of distinct non-empty values (exact for small columns, estimated for large ones).</param>
/// <param name="Patterns">Recognised shapes: email, phone, gstin, pan, pin_code, ifsc, hsn, currency_amount, identifier, decimal_comma.</param>
/// <param name="DateFormat">The column's date format when it holds dates, e.g. "dd-MM-yyyy", "d-MMM-yy", "excel_serial".</param>
/// <param name="Notes">What the user should know, e.g. that day and month order cannot be told apart.</param>
public sealed record ColumnProfile(
    string Name,
    string InferredType,
    double FillRate,
    long DistinctEstimate,
    IReadOnlyList<string> SampleValues,
    IReadOnlyList<string> Patterns,
    string? DateFormat,
    IReadOnlyList<string> Notes);
