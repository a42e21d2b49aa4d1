using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ferry.Server.Infrastructure;

/// <summary>
/// Reads JSON text, refusing the NUL character: no field means anything by it, and PostgreSQL cannot store it, so it
/// is turned away at the edge instead of failing deep inside a save.
/// </summary>
sealed class TextWithoutNulConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException();
        }
        var text = reader.GetString();
        return text is not null && text.Contains('\0', StringComparison.Ordinal)
            ? throw new RejectedJsonValueException("contains a NUL character (\\u0000); remove it.")
            : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
