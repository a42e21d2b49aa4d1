using System.Net;
using System.Net.Sockets;

namespace Ferry.Server.Features.Integrations;

/// <summary>Tells which kind of network an address belongs to, an IPv4 address written as IPv6 by its IPv4 part.</summary>
public static class IntegrationAddresses
{
    static readonly IPAddress[] CloudMetadata =
    [
        IPAddress.Parse("169.254.169.254"), // AWS, Azure, GCP, Oracle, OpenStack
        IPAddress.Parse("169.254.170.2"), // AWS ECS task credentials
        IPAddress.Parse("100.100.100.200"), // Alibaba Cloud
        IPAddress.Parse("168.63.129.16"), // Azure WireServer
        IPAddress.Parse("fd00:ec2::254"), // AWS over IPv6
    ];

    static readonly IPNetwork[] Loopback = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    static readonly IPNetwork[] NotAHost =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/96"), IPNetwork.Parse("ff00::/8"),
    ];

    static readonly IPNetwork[] LinkLocal = [IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("fe80::/10")];

    static readonly IPNetwork[] Private =
    [
        IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fec0::/10"),
    ];

    static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    public static IntegrationAddressKind KindOf(IPAddress address)
    {
        address = Unwrapped(address);
        if (CloudMetadata.Any(address.Equals))
        {
            return IntegrationAddressKind.CloudMetadata;
        }
        return Loopback.Any(n => n.Contains(address)) ? IntegrationAddressKind.Loopback
            : NotAHost.Any(n => n.Contains(address)) ? IntegrationAddressKind.NotAHost
            : LinkLocal.Any(n => n.Contains(address)) ? IntegrationAddressKind.LinkLocal
            : Private.Any(n => n.Contains(address)) ? IntegrationAddressKind.Private
            : IntegrationAddressKind.Public;
    }

    /// <summary>
    /// The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) address, an IPv6 address
    /// without its zone (fd00:ec2::254%2 is still the metadata address); else the address itself.
    /// </summary>
    static IPAddress Unwrapped(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }
        var bytes = address.GetAddressBytes();
        return Nat64.Contains(address) ? new IPAddress(bytes.AsSpan(12)) : new IPAddress(bytes);
    }
}
