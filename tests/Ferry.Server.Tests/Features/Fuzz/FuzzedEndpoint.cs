using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Ferry.Server.Tests.Features.Fuzz;

/// <summary>
/// One method of one route as the running app maps it, with what its handler binds: the JSON body's type, the query
/// parameters, and whether it reads the raw request (a multipart upload).
/// </summary>
public sealed record FuzzedEndpoint(string Method, RoutePattern Pattern, Type? BodyType, bool ReadsForm, IReadOnlyList<QueryParameter> Query)
{
    public string Route => "/" + (Pattern.RawText ?? "").Trim('/');

    public IReadOnlyList<string> RouteParameters => [.. Pattern.Parameters.Select(p => p.Name)];

    public bool TakesBody => Method is "POST" or "PUT" or "PATCH";

    public override string ToString() => $"{Method} {Route}";

    /// <summary>The path with each route parameter replaced by the value <paramref name="valueOf"/> gives for its name, escaped.</summary>
    public string Url(Func<string, string> valueOf) => "/" + string.Join('/', Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart parameter => Uri.EscapeDataString(valueOf(parameter.Name)),
        _ => throw new NotSupportedException($"Route part {part.PartKind} in {Pattern.RawText}"),
    }))));

    /// <summary>Every method of every route endpoint the app maps, in a stable order.</summary>
    public static IReadOnlyList<FuzzedEndpoint> All(EndpointDataSource source) =>
    [
        .. source.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => From(endpoint, method)))
            .OrderBy(e => e.Route, StringComparer.Ordinal)
            .ThenBy(e => e.Method, StringComparer.Ordinal),
    ];

    static FuzzedEndpoint From(RouteEndpoint endpoint, string method)
    {
        var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
        var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
        var readsForm = accepts?.ContentTypes.Any(t => t.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)) == true
            || handler?.GetParameters().Any(p => p.ParameterType == typeof(HttpRequest) || typeof(IFormFile).IsAssignableFrom(p.ParameterType)
                || typeof(IFormFileCollection).IsAssignableFrom(p.ParameterType) || typeof(IFormCollection).IsAssignableFrom(p.ParameterType)) == true;
        var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var query = handler is null ? [] : QueryParameter.Of(handler, routeNames);
        return new FuzzedEndpoint(method, endpoint.RoutePattern, readsForm ? null : accepts?.RequestType, readsForm, query);
    }
}
