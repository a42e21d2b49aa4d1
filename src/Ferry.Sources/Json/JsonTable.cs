namespace Ferry.Sources.Json;

/// <summary>One table of a JSON file: the records of an array, or the objects nested in an array inside them.</summary>
/// <param name="Name">"records", an envelope key ("contacts"), or a child's path ("salesorders.line_items").</param>
/// <param name="Parent">For child tables, the table whose rows they belong to; their first column "_parent" holds
/// that row's number.</param>
public sealed record JsonTable(string Name, string? Parent, IReadOnlyList<string> Columns, long RowCount);
