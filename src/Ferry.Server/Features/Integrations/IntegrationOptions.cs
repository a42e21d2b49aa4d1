namespace Ferry.Server.Features.Integrations;

/// <summary>Which hosts integrations may connect to, and how much a Tally sync may pull.</summary>
public sealed class IntegrationOptions
{
    public const string SectionName = "Integrations";

    /// <summary>
    /// Host names, IP addresses or CIDR ranges (e.g. <c>localhost</c>, <c>127.0.0.1</c>, <c>10.20.0.0/16</c>) that may be
    /// connected to although they are loopback, link-local, cloud metadata, or private while private networks are off.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Whether private network addresses (192.168.x.x, 10.x.x.x, …), where Tally usually runs, may be connected to.</summary>
    public bool AllowPrivateNetworks { get; set; } = true;

    public TallySyncOptions Tally { get; set; } = new();
}

public sealed class TallySyncOptions
{
    /// <summary>
    /// The most bytes one sync may pull: each answer from Tally as it is spooled, and the export merged from them.
    /// 200 MB is about 55,000 invoices in Tally's UTF-16, a year of a busy small business.
    /// </summary>
    public long MaxSyncBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Where answers are spooled while a sync runs; the system's temporary folder when empty.</summary>
    public string SpoolFolder { get; set; } = "";
}
