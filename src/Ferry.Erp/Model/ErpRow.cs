namespace Ferry.Erp.Model;

/// <summary>
/// What every ERP row carries: its organization, its natural key (unique per organization) and the
/// provenance of the import that created or last changed it.
/// </summary>
public abstract class ErpRow
{
    public long Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>Normalised identity of the row within its organization, e.g. "ACME TRADERS|27AAACA1234A1Z5".</summary>
    public required string NaturalKey { get; set; }

    public Guid? CreatedJobId { get; set; }

    public Guid? LastJobId { get; set; }

    /// <summary>Where the import read the row, e.g. "contacts.csv line 12".</summary>
    public string? SourceLocation { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
