using Ferry.Core.Jobs;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ferry.Data.Configurations;

/// <summary>
/// Stores an enum as its snake_case name ("completed_with_errors"), the way the API spells it. A stored text that
/// names no member (an older bug, a newer version, a hand edit) reads as <paramref name="unreadable"/>, the least
/// harmful member, so one bad row never takes a list or a page down.
/// </summary>
sealed class SnakeCaseEnumConverter<TEnum>(TEnum unreadable) : ValueConverter<TEnum, string>(
    v => v.ToSnakeCase(),
    s => FromText(s, unreadable))
    where TEnum : struct, Enum
{
    static TEnum FromText(string text, TEnum unreadable) => SnakeCaseNames.TryParse<TEnum>(text, out var value) ? value : unreadable;
}
