using System.Text.Json;

namespace Ferry.Server.Infrastructure;

/// <summary>JSON kept in a text column (reports, summaries, error details), returned as JSON rather than as a string.</summary>
static class JsonColumn
{
    public static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
