using System.Text.Json.Nodes;
using Ferry.Core.Jobs;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ferry.Server.Infrastructure;

/// <summary>
/// Describes in the OpenAPI document what Ferry's own JSON converters read, which the schema generator cannot see:
/// enums are text taking one of their snake_case names, and text is text.
/// </summary>
static class ConverterSchemas
{
    public static Task DescribeAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. Enum.GetValues(type).Cast<Enum>().Select(v => (JsonNode)JsonValue.Create(v.ToSnakeCase()))];
        }
        else if (type == typeof(string))
        {
            schema.Type = JsonSchemaType.String;
        }
        return Task.CompletedTask;
    }
}
