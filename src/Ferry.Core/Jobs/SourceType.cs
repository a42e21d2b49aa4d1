namespace Ferry.Core.Jobs;

public enum SourceType
{
    Csv,
    Excel,
    Json,
    Tally,
    Zoho,
    Manual,
}
