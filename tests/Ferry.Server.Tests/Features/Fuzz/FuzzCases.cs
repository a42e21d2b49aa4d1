using System.Text;
using System.Text.Json.Nodes;

namespace Ferry.Server.Tests.Features.Fuzz;

/// <summary>
/// Everything sent to one endpoint: absent and malformed ids, extreme query values, every hostile value in every body
/// field, malformed bodies, and last the well-formed request with real ids (so a DELETE removes its row only at the end).
/// </summary>
public static class FuzzCases
{
    static readonly (string Label, string Value)[] Ids =
    [
        ("a random id", Guid.NewGuid().ToString()),
        ("the empty GUID", Guid.Empty.ToString()),
        ("an id that is not a GUID", "not-a-guid"),
        ("nothing", ""),
    ];

    static readonly (string Label, string Value)[] QueryValues =
    [
        ("2147483647", "2147483647"),
        ("2147483648", "2147483648"),
        ("-1", "-1"),
        ("0", "0"),
        ("-2147483648", "-2147483648"),
        ("a 20-digit number", "99999999999999999999"),
        ("1e40", "1e40"),
        ("1.5", "1.5"),
        ("a word", "garbage"),
        ("empty", ""),
        ("a NUL character", "\0"),
        ("4 KB of text", new string('q', 4096)),
        ("the empty GUID", Guid.Empty.ToString()),
    ];

    static readonly (string Page, string PageSize)[] PagePairs =
    [
        ("2147483647", "500"),
        ("2147483647", "2147483647"),
        ("4294968", "500"),
        ("-2147483648", "0"),
    ];

    public static IReadOnlyList<FuzzCase> For(FuzzedEndpoint endpoint, Func<HttpContent?> wellFormed, JsonObject? sampleBody)
    {
        var cases = new List<FuzzCase>();
        if (endpoint.RouteParameters.Count > 0)
        {
            cases.AddRange(Ids.Select(id => new FuzzCase($"route {string.Join(", ", endpoint.RouteParameters)} = {id.Label}", wellFormed) { RouteValue = id.Value }));
        }
        foreach (var parameter in endpoint.Query)
        {
            cases.AddRange(QueryValues.Select(v => new FuzzCase($"query {parameter.Name} = {v.Label}", wellFormed) { Query = $"?{parameter.Name}={Uri.EscapeDataString(v.Value)}" }));
            cases.Add(new FuzzCase($"query {parameter.Name} given twice", wellFormed) { Query = $"?{parameter.Name}=1&{parameter.Name}=2" });
        }
        if (endpoint.Query.Any(p => p.Name == "page") && endpoint.Query.Any(p => p.Name == "page_size"))
        {
            cases.AddRange(PagePairs.Select(p => new FuzzCase($"query page = {p.Page}, page_size = {p.PageSize}", wellFormed) { Query = $"?page={p.Page}&page_size={p.PageSize}" }));
        }
        if (endpoint.BodyType is { } bodyType && sampleBody is not null)
        {
            foreach (var field in BodyField.Of(bodyType))
            {
                cases.AddRange(FuzzValue.For(field).Select(value => new FuzzCase($"body {field.Path} = {value.Label}", () => Json(field.With(sampleBody, value)))
                {
                    MustRefuseBecause = value.IsHugeString ? "a 1 MB string was accepted"
                        : field.IsEnum && value.IsNumber ? "a number was accepted for an enum"
                        : null,
                }));
            }
        }
        if (endpoint.TakesBody)
        {
            cases.AddRange(MalformedBodies.Json());
            cases.AddRange(MalformedBodies.Multipart());
        }
        cases.Add(new FuzzCase("well-formed request with real ids", wellFormed));
        return cases;
    }

    static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
