namespace Ferry.Data.Import;

/// <summary>An ERP row that already holds a record's natural key, with the columns an update may change.</summary>
sealed class ExistingRow(long id, Guid? createdJobId)
{
    public long Id { get; } = id;

    public Guid? CreatedJobId { get; } = createdJobId;

    public Dictionary<string, object?> Values { get; } = new(StringComparer.Ordinal);
}
