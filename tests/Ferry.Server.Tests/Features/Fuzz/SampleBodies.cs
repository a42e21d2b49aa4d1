using System.Text.Json;
using System.Text.Json.Nodes;
using Ferry.Server.Features.Auth;
using Ferry.Server.Features.Integrations;
using Ferry.Server.Features.Jobs;
using Ferry.Server.Features.Mappings;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Fuzz;

/// <summary>
/// A body each request type accepts, so that a mutated field is judged with every other field valid. A request type
/// not listed gets a body built from its properties (a word, 1, false, the first enum name, one list element).
/// </summary>
public static class SampleBodies
{
    public const string TallyCompany = "Fuzz Traders";

    public static JsonObject For(Type requestType, string tallyHost, int tallyPort) => requestType switch
    {
        _ when requestType == typeof(TokenRequest) => Parse($$"""{"email":"{{FerryApp.AdminEmail}}","password":"{{FerryApp.AdminPassword}}"}"""),
        _ when requestType == typeof(CreateJobRequest) => Parse("""
            {"name":"Fuzz job","description":"made by the fuzz test","source_type":"csv","data_types":["contacts"],"conflict_strategy":"skip",
             "batch_size":100,"options":{"adjustment_ledger":"Suspense A/c","create_missing_masters":false}}
            """),
        _ when requestType == typeof(UpdateJobRequest) => Parse("""
            {"name":"Fuzz job renamed","description":"changed by the fuzz test","data_types":["contacts"],"conflict_strategy":"update","batch_size":50,
             "header_row":1,"encoding":"utf-8"}
            """),
        _ when requestType == typeof(MappingRequest) => Parse("""
            {"source_field":"City","target_field":"billing_city","field_type":"string","is_required":false,"transformation_rule":"trim|upper",
             "validation_rule":"regex:^[A-Za-z ]+$","default_value":"Pune"}
            """),
        _ when requestType == typeof(TallySettingsRequest) => Parse($$"""{"host":"{{tallyHost}}","port":{{tallyPort}},"company":"{{TallyCompany}}"}"""),
        _ when requestType == typeof(TallySyncRequest) => Parse($$"""{"from_date":"2024-04-01","to_date":"2025-03-31","company":"{{TallyCompany}}"}"""),
        _ => (JsonObject)Reflected(requestType, 0)!,
    };

    static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    static JsonNode? Reflected(Type type, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum)
        {
            return JsonNamingPolicy.SnakeCaseLower.ConvertName(Enum.GetNames(underlying)[0]);
        }
        if (underlying == typeof(string))
        {
            return "fuzz";
        }
        if (underlying == typeof(bool))
        {
            return false;
        }
        if (underlying == typeof(Guid))
        {
            return Guid.NewGuid().ToString();
        }
        if (underlying == typeof(DateOnly))
        {
            return "2024-04-01";
        }
        if (underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset))
        {
            return "2024-04-01T00:00:00Z";
        }
        if (QueryParameter.IsSimple(underlying))
        {
            return 1;
        }
        if (BodyField.ElementOf(underlying) is { } element)
        {
            return new JsonArray(Reflected(element, depth + 1));
        }
        var body = new JsonObject();
        if (depth < 4 && BodyField.IsObject(underlying))
        {
            foreach (var field in BodyField.Of(underlying).Where(f => f.Steps.Count == 1))
            {
                body[(string)field.Steps[0]] = Reflected(field.Type, depth + 1);
            }
        }
        return body;
    }
}
