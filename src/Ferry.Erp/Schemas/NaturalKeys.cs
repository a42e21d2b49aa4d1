using System.Text;

namespace Ferry.Erp.Schemas;

public static class NaturalKeys
{
    /// <summary>Trimmed, single-spaced, upper-case: "  Acme   traders " and "ACME TRADERS" are one key.</summary>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }
        var builder = new StringBuilder(value.Length);
        var lastWasSpace = false;
        foreach (var c in value.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }
                lastWasSpace = true;
            }
            else
            {
                builder.Append(char.ToUpperInvariant(c));
                lastWasSpace = false;
            }
        }
        return builder.ToString();
    }

    public static string Join(params ReadOnlySpan<string?> parts)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('|');
            }
            builder.Append(Normalize(parts[i]));
        }
        return builder.ToString();
    }
}
