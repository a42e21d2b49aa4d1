namespace Ferry.Core.Integrations;

/// <summary>How an organization reaches an external system (a Tally server: host, port, company), one per integration.</summary>
public sealed class IntegrationSetting
{
    public const string Tally = "tally";

    public long Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Integration { get; set; }

    public required string Host { get; set; }

    public int Port { get; set; }

    public string? Company { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long? UpdatedByUserId { get; set; }
}
