namespace Ferry.Core;

/// <summary>Quotes what a client sent back to it in a message, cut short so that a huge value never makes a huge answer.</summary>
public static class Echo
{
    public static string Of(string? text, int max = 60) => text is null ? "" : text.Length > max ? string.Concat(text.AsSpan(0, max), "…") : text;
}
