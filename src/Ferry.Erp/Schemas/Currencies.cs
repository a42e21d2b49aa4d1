namespace Ferry.Erp.Schemas;

static class Currencies
{
    /// <summary>"INR", "inr", "Indian Rupee - INR", "₹" → "INR"; null when no code can be read.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var s = text.Trim();
        if (s is "₹" or "Rs" or "Rs.")
        {
            return "INR";
        }
        var dash = s.LastIndexOf('-');
        if (dash >= 0)
        {
            s = s[(dash + 1)..].Trim();
        }
        return s.Length == 3 && s.All(char.IsAsciiLetter) ? s.ToUpperInvariant() : null;
    }
}
