namespace Ferry.Sources.Json;

/// <summary>What a JSON file holds: "json" or "jsonl", its encoding, and the tables of records in it.</summary>
public sealed record JsonLayout(string Format, string Encoding, IReadOnlyList<JsonTable> Tables);
