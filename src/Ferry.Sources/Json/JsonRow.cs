namespace Ferry.Sources.Json;

/// <summary>One flattened row of the table being read, with where in the file it came from.</summary>
readonly record struct JsonRow(long Number, string Location, RowValues Values);
