using Ferry.Core.Jobs;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ferry.Data.Configurations;

/// <summary>Stores an enum as its snake_case name ("completed_with_errors"), the way the API spells it.</summary>
sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(v => ToText(v), s => FromText(s))
    where TEnum : struct, Enum
{
    static string ToText(TEnum value) => value.ToSnakeCase();

    static TEnum FromText(string text) => SnakeCaseNames.TryParse<TEnum>(text, out var value)
        ? value
        : throw new InvalidOperationException($"'{text}' is not a {typeof(TEnum).Name}.");
}
