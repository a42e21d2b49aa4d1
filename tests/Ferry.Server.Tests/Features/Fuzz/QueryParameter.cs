using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Ferry.Server.Tests.Features.Fuzz;

/// <summary>A handler parameter bound from the query string, under the name the client sends.</summary>
public sealed record QueryParameter(string Name, Type Type)
{
    /// <summary>
    /// The parameters minimal APIs bind from the query: those marked [FromQuery], and those of a simple type that no
    /// route parameter, body, header, form or service claims.
    /// </summary>
    public static IReadOnlyList<QueryParameter> Of(MethodInfo handler, IReadOnlySet<string> routeParameters) =>
    [
        .. handler.GetParameters().Select(Bound).OfType<QueryParameter>().Where(p => !routeParameters.Contains(p.Name)),
    ];

    static QueryParameter? Bound(ParameterInfo parameter)
    {
        var attributes = parameter.GetCustomAttributes().ToList();
        if (attributes.OfType<IFromQueryMetadata>().FirstOrDefault() is { } fromQuery)
        {
            return new QueryParameter(fromQuery.Name ?? parameter.Name!, parameter.ParameterType);
        }
        var claimedElsewhere = attributes.Any(a => a is IFromRouteMetadata or IFromBodyMetadata or IFromHeaderMetadata or IFromFormMetadata or IFromServiceMetadata);
        return !claimedElsewhere && IsSimple(parameter.ParameterType) ? new QueryParameter(parameter.Name!, parameter.ParameterType) : null;
    }

    public static bool IsSimple(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal) || underlying == typeof(Guid)
            || underlying == typeof(DateOnly) || underlying == typeof(TimeOnly) || underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset)
            || underlying == typeof(TimeSpan);
    }
}
