using Ferry.Core;

namespace Ferry.Sources.Tally.Live;

/// <summary>Where a running Tally listens for XML requests; <see cref="Company"/> is the company the user picked, if any.</summary>
public sealed record TallyServer(string Host, int Port = TallyServer.DefaultPort, string? Company = null)
{
    public const int DefaultPort = 9000;

    public Uri BaseAddress => new UriBuilder(Uri.UriSchemeHttp, Host.Trim(), Port, "/").Uri;

    /// <summary>Returns this server when the host and port can be connected to; throws INT004 naming what to change.</summary>
    public TallyServer Validate()
    {
        var host = Host?.Trim() ?? "";
        if (host.Length == 0)
        {
            throw Invalid("The Tally host is empty. Enter the name or IP address of the computer running Tally, e.g. tally-pc or 192.168.1.20.");
        }
        if (host.Contains("://", StringComparison.Ordinal))
        {
            throw Invalid($"The Tally host '{host}' includes a scheme. Enter only the computer's name or IP address, without http://.");
        }
        if (host.Any(char.IsWhiteSpace) || host.IndexOfAny(['/', '\\', '?', '#', '@']) >= 0)
        {
            throw Invalid($"The Tally host '{host}' is not a computer name or IP address. Remove any path, spaces or other text.");
        }
        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            throw Invalid(host.Contains(':', StringComparison.Ordinal)
                ? $"The Tally host '{host}' is not a computer name or IP address. Put the port in the port field, not after the host."
                : $"The Tally host '{host}' is not a computer name or IP address.");
        }
        if (Port is < 1 or > 65535)
        {
            throw Invalid($"The Tally port {Port} is outside 1–65535. Use the port shown in Tally under F1 Help > Settings > Connectivity (9000 unless changed).");
        }
        if (Company is not null && Company.Trim().Length == 0)
        {
            throw Invalid("The Tally company name is blank. Pick a company from the list Tally reports, or leave it unset.");
        }
        return this;
    }

    static FerryException Invalid(string message) => new(ErrorCodes.IntegrationInvalidConfiguration, message);
}
