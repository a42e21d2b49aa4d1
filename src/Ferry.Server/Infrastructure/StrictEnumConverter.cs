using System.Text.Json;
using System.Text.Json.Serialization;
using Ferry.Core;
using Ferry.Core.Jobs;

namespace Ferry.Server.Infrastructure;

/// <summary>
/// Reads an enum only from one of its snake_case names and writes it the same way. Numbers, numeric strings and
/// comma-separated flag lists are refused, so a request can never store a value the code cannot read back.
/// </summary>
sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    sealed class Converter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        static readonly string Allowed = string.Join(", ", Enum.GetValues<TEnum>().Select(v => v.ToSnakeCase()));

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new RejectedJsonValueException($"expects one of: {Allowed}; a {TokenName(reader.TokenType)} is not accepted.");
            }
            var text = reader.GetString();
            return SnakeCaseNames.TryParse<TEnum>(text, out var value)
                ? value
                : throw new RejectedJsonValueException($"'{Echo.Of(text)}' is not accepted; use one of: {Allowed}.");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToSnakeCase());

        static string TokenName(JsonTokenType token) => token switch
        {
            JsonTokenType.Number => "number",
            JsonTokenType.True or JsonTokenType.False => "true/false value",
            JsonTokenType.StartObject => "object",
            JsonTokenType.StartArray => "list",
            _ => "value of that kind",
        };
    }
}

/// <summary>A JSON value Ferry refuses, with a message that says what is accepted; the serializer adds the path.</summary>
sealed class RejectedJsonValueException(string message) : JsonException(message);
