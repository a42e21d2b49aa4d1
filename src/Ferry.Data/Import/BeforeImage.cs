using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ferry.Data.Import;

/// <summary>Column values of a row before an import changed them, written to and read from the rollback journal.</summary>
static class BeforeImage
{
    public static string Serialize(IReadOnlyDictionary<string, object?> values)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (column, value) in values)
            {
                switch (value)
                {
                    case null:
                        writer.WriteNull(column);
                        break;
                    case decimal d:
                        writer.WriteNumber(column, d);
                        break;
                    case long l:
                        writer.WriteNumber(column, l);
                        break;
                    case int i:
                        writer.WriteNumber(column, i);
                        break;
                    case bool b:
                        writer.WriteBoolean(column, b);
                        break;
                    case DateOnly date:
                        writer.WriteString(column, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        break;
                    case DateTime time:
                        writer.WriteString(column, time.ToString("O", CultureInfo.InvariantCulture));
                        break;
                    default:
                        writer.WriteString(column, Convert.ToString(value, CultureInfo.InvariantCulture));
                        break;
                }
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static Dictionary<string, object?> Deserialize(string json, ErpTable table)
    {
        using var document = JsonDocument.Parse(json);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            values[property.Name] = ToValue(property.Value, table.Column(property.Name));
        }
        return values;
    }

    static object? ToValue(JsonElement element, IColumn column)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        var type = Nullable.GetUnderlyingType(column.ProviderClrType) ?? column.ProviderClrType;
        return type switch
        {
            _ when type == typeof(decimal) => element.GetDecimal(),
            _ when type == typeof(long) => element.GetInt64(),
            _ when type == typeof(int) => element.GetInt32(),
            _ when type == typeof(bool) => element.GetBoolean(),
            _ when type == typeof(DateOnly) => DateOnly.ParseExact(element.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ when type == typeof(DateTime) => DateTime.Parse(element.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            _ when type == typeof(Guid) => Guid.Parse(element.GetString()!),
            _ => element.GetString(),
        };
    }
}
