namespace Ferry.Sources.Tables;

/// <summary>Where a table's header is and the column names it gives.</summary>
/// <param name="HeaderRow">1-based physical row of the header; of its lower row when the header has two.</param>
/// <param name="HeaderRows">1, or 2 when a group row above or a unit row below was joined in ("Debit Amount / Inwards Qty").</param>
public sealed record HeaderLayout(long HeaderRow, int HeaderRows, IReadOnlyList<string> Columns);
