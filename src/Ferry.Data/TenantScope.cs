namespace Ferry.Data;

/// <summary>The organization the current request or run acts for; every query of the context filters on it.</summary>
public sealed class TenantScope
{
    public Guid? OrganizationId { get; set; }
}
