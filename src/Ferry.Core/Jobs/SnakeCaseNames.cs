using System.Text;

namespace Ferry.Core.Jobs;

public static class SnakeCaseNames
{
    public static string ToSnakeCase(this Enum value) => ToSnakeCase(value.ToString());

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    builder.Append('_');
                }
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var compact = text.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        // Enum.TryParse also takes numbers and comma-separated flags; only a member's name is a name.
        return compact.Length > 0 && compact.All(char.IsAsciiLetter)
            && Enum.TryParse(compact, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
