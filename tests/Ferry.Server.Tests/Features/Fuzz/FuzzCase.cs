namespace Ferry.Server.Tests.Features.Fuzz;

/// <summary>
/// One request to send to an endpoint. Route parameters take the fixture's real ids unless <see cref="RouteValue"/>
/// replaces them all; <see cref="MustRefuseBecause"/> says why a 2xx answer to it would be a defect.
/// </summary>
public sealed record FuzzCase(string Payload, Func<HttpContent?> Content)
{
    public string? RouteValue { get; init; }

    public string Query { get; init; } = "";

    public string? MustRefuseBecause { get; init; }
}
