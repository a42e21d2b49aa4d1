namespace Ferry.Server.Features.Integrations;

public enum IntegrationAddressKind
{
    Public,
    Private,
    Loopback,
    LinkLocal,
    CloudMetadata,

    /// <summary>Unspecified, multicast, broadcast or reserved: not one computer's address (0.0.0.0 even reaches this server).</summary>
    NotAHost,
}
