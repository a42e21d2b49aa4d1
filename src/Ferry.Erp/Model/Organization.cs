namespace Ferry.Erp.Model;

/// <summary>A business using the ERP; every other row belongs to exactly one.</summary>
public sealed class Organization
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Short unique handle used by the command line (<c>--org demo</c>).</summary>
    public required string Slug { get; set; }

    public DateTime CreatedAt { get; set; }
}
