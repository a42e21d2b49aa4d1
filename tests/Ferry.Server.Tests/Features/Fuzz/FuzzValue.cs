using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ferry.Server.Tests.Features.Fuzz;

/// <summary>A hostile value for one body field: a wrong type, a number out of range, a null, a huge string, or the field left out.</summary>
public sealed record FuzzValue(string Label, JsonNode? Json, bool IsAbsent = false)
{
    public const int HugeLength = 1024 * 1024;

    static readonly string Huge = new('x', HugeLength);

    public static readonly FuzzValue Absent = new("absent", null, IsAbsent: true);

    public bool IsHugeString => Json is JsonValue value && value.TryGetValue<string>(out var text) && text.Length >= HugeLength;

    public bool IsNumber => Json?.GetValueKind() == JsonValueKind.Number;

    /// <summary>The values sent in <paramref name="field"/>; a plain word only where the field is not itself text.</summary>
    public static IReadOnlyList<FuzzValue> For(BodyField field) =>
    [
        new("null", null),
        Absent,
        new("empty string", ""),
        new("blank string", "   "),
        new("NUL character", "\u0000"),
        new("1 MB string", Huge),
        .. field.IsString ? [] : new[] { new FuzzValue("a word", "fuzz-garbage") },
        new("true", true),
        new("0", 0),
        new("-1", -1),
        new("7", 7),
        new("99", 99),
        new("int.MaxValue", int.MaxValue),
        new("2147483648", 2147483648L),
        new("-2147483649", -2147483649L),
        new("1e40", JsonNode.Parse("1e40")),
        new("1.5", 1.5),
        new("empty object", new JsonObject()),
        new("empty array", new JsonArray()),
        new("array of mixed values", new JsonArray(1, "x", null)),
    ];
}
