namespace Ferry.Core.Mapping;

public sealed record MappingSuggestion(string SourceField, string TargetField, double Confidence, string Reason);
