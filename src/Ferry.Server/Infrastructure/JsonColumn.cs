using System.Text.Json;

namespace Ferry.Server.Infrastructure;

/// <summary>JSON kept in a text column (reports, summaries, error details), returned as JSON rather than as a string; text that
/// does not read as JSON is left out, so one damaged column never fails a whole answer.</summary>
static class JsonColumn
{
    public static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
