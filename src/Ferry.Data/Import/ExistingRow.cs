namespace Ferry.Data.Import;

/// <summary>An ERP row that already holds a record's natural key, with the columns an update may change.</summary>
sealed class ExistingRow(long id, Guid? createdJobId)
{
    /// <summary>0 for a row this batch has just inserted, until something needs its id.</summary>
    public long Id { get; set; } = id;

    /// <summary>For a row this batch inserted: where in the file it came from.</summary>
    public string? InsertedFrom { get; init; }

    public Guid? CreatedJobId { get; } = createdJobId;

    public Dictionary<string, object?> Values { get; } = new(StringComparer.Ordinal);
}
