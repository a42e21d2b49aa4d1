using System.Net;
using System.Net.Sockets;
using Ferry.Core;

namespace Ferry.Server.Features.Integrations;

/// <summary>
/// Decides which hosts integrations may connect to (<see cref="IntegrationOptions"/>), by the addresses a host resolves
/// to and not only by its name, and connects only to the addresses it checked, so a name that resolves elsewhere the
/// second time (DNS rebinding) gains nothing.
/// </summary>
public sealed class IntegrationHostPolicy
{
    const string AllowedHostsSetting = IntegrationOptions.SectionName + ":" + nameof(IntegrationOptions.AllowedHosts);
    const string AllowPrivateSetting = IntegrationOptions.SectionName + ":" + nameof(IntegrationOptions.AllowPrivateNetworks);

    /// <summary>Names the clouds give their metadata service, refused even where they do not resolve to its address.</summary>
    static readonly HashSet<string> MetadataNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "metadata", "metadata.google.internal", "instance-data", "instance-data.ec2.internal",
    };

    readonly HashSet<string> _allowedNames = new(StringComparer.OrdinalIgnoreCase);
    readonly List<IPNetwork> _allowedNetworks = [];
    readonly bool _allowPrivateNetworks;

    /// <exception cref="InvalidOperationException">An entry of AllowedHosts is neither a host name, an address nor a range.</exception>
    public IntegrationHostPolicy(IntegrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allowPrivateNetworks = options.AllowPrivateNetworks;
        foreach (var entry in options.AllowedHosts.Select(e => e?.Trim() ?? "").Where(e => e.Length > 0))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                _allowedNetworks.Add(network);
            }
            else if (IPAddress.TryParse(Unbracketed(entry), out var address))
            {
                _allowedNetworks.Add(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }
            else if (Uri.CheckHostName(entry) == UriHostNameType.Dns)
            {
                _allowedNames.Add(Normalized(entry));
            }
            else
            {
                throw new InvalidOperationException($"{AllowedHostsSetting} holds '{entry}', which is not a host name, an IP address or a range such as 10.0.0.0/8.");
            }
        }
    }

    /// <summary>
    /// Refuses with INT004 a host this server may not connect to. A name that does not resolve now passes: the
    /// computer running Tally may be off, and connecting will say so.
    /// </summary>
    public async Task CheckAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            await AddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
        }
    }

    /// <summary>A handler whose every connection goes through this policy, with no proxy and no redirects to get around it.</summary>
    public SocketsHttpHandler Handler() => new()
    {
        ConnectCallback = ConnectAsync,
        UseProxy = false,
        AllowAutoRedirect = false,
    };

    async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await AddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The addresses of <paramref name="host"/>, each of which may be connected to; else INT004 naming the setting that would allow it.</summary>
    async Task<IPAddress[]> AddressesAsync(string host, CancellationToken cancellationToken)
    {
        var name = Normalized(host);
        var literal = IPAddress.TryParse(name, out var address);
        if (!literal && !_allowedNames.Contains(name) && MetadataNames.Contains(name))
        {
            throw Refused(host, literal, IntegrationAddressKind.CloudMetadata);
        }
        var addresses = literal ? [address!] : await Dns.GetHostAddressesAsync(name, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }
        if (_allowedNames.Contains(name))
        {
            return addresses;
        }
        foreach (var each in addresses)
        {
            var kind = IntegrationAddresses.KindOf(each);
            if (!Allowed(each, kind))
            {
                throw Refused(host, literal, kind);
            }
        }
        return addresses;
    }

    bool Allowed(IPAddress address, IntegrationAddressKind kind) =>
        kind == IntegrationAddressKind.Public
        || (kind == IntegrationAddressKind.Private && _allowPrivateNetworks)
        || _allowedNetworks.Any(n => n.Contains(address) || (address.IsIPv4MappedToIPv6 && n.Contains(address.MapToIPv4())));

    static FerryException Refused(string host, bool literal, IntegrationAddressKind kind)
    {
        var what = kind switch
        {
            IntegrationAddressKind.Loopback => "a loopback address, i.e. this server itself",
            IntegrationAddressKind.LinkLocal => "a link-local address",
            IntegrationAddressKind.CloudMetadata => "a cloud metadata service",
            IntegrationAddressKind.Private => "a private network address",
            _ => "not the address of one computer (an unspecified, multicast or broadcast address)",
        };
        var how = kind == IntegrationAddressKind.Private
            ? $"This server does not connect to private networks: an administrator can set {AllowPrivateSetting} to true, or list the host in {AllowedHostsSetting}."
            : $"This server does not connect to loopback, link-local or cloud metadata addresses unless an administrator lists the host in {AllowedHostsSetting} (a name, an address or a range such as 127.0.0.0/8).";
        return new FerryException(
            ErrorCodes.IntegrationInvalidConfiguration,
            $"The host '{host}' {(literal ? "is" : "resolves to")} {what}. {how}")
        {
            Field = "host",
        };
    }

    static string Normalized(string host) => Unbracketed(host.Trim()).TrimEnd('.');

    static string Unbracketed(string host) => host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
}
