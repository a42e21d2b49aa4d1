using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Ferry.Server.Tests.Features.Fuzz;

/// <summary>
/// A place in a JSON request body, found by reflecting over the request type: a property under its snake_case name
/// ("options.adjustment_ledger"), or the first element of a list ("data_types[0]").
/// </summary>
public sealed record BodyField(IReadOnlyList<object> Steps, Type Type)
{
    const int MaxDepth = 4;

    public string Path => string.Concat(Steps.Select((step, i) => step is int index ? $"[{index}]" : i == 0 ? $"{step}" : $".{step}"));

    public bool IsEnum => (Nullable.GetUnderlyingType(Type) ?? Type).IsEnum;

    public bool IsString => Type == typeof(string);

    public override string ToString() => Path;

    public static IReadOnlyList<BodyField> Of(Type requestType) => [.. Of(requestType, [], 0)];

    static IEnumerable<BodyField> Of(Type type, IReadOnlyList<object> prefix, int depth)
    {
        if (depth >= MaxDepth)
        {
            yield break;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
            IReadOnlyList<object> steps = [.. prefix, name];
            yield return new BodyField(steps, property.PropertyType);
            foreach (var inner in Inside(property.PropertyType, steps, depth + 1))
            {
                yield return inner;
            }
        }
    }

    static IEnumerable<BodyField> Inside(Type type, IReadOnlyList<object> steps, int depth)
    {
        if (ElementOf(type) is { } element)
        {
            IReadOnlyList<object> first = [.. steps, 0];
            return [new BodyField(first, element), .. Inside(element, first, depth + 1)];
        }
        return IsObject(type) ? Of(type, steps, depth) : [];
    }

    public static Type? ElementOf(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) || IsDictionary(type)
            ? null
            : type.IsArray ? type.GetElementType() : type.GetInterfaces().Append(type)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    public static bool IsObject(Type type) =>
        !QueryParameter.IsSimple(type) && ElementOf(type) is null && !IsDictionary(type) && type != typeof(JsonElement) && !typeof(JsonNode).IsAssignableFrom(type);

    static bool IsDictionary(Type type) => type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));

    /// <summary>A copy of <paramref name="body"/> with this field set to <paramref name="value"/>, or removed when it is <see cref="FuzzValue.Absent"/>.</summary>
    public JsonNode With(JsonObject body, FuzzValue value)
    {
        var copy = body.DeepClone();
        JsonNode parent = copy;
        for (var i = 0; i < Steps.Count - 1; i++)
        {
            parent = Child(parent, Steps[i], Steps[i + 1] is int ? new JsonArray() : new JsonObject());
        }
        var last = Steps[^1];
        if (parent is JsonObject obj)
        {
            var name = (string)last;
            if (value.IsAbsent)
            {
                obj.Remove(name);
            }
            else
            {
                obj[name] = value.Json?.DeepClone();
            }
        }
        else if (parent is JsonArray array)
        {
            var index = (int)last;
            if (value.IsAbsent)
            {
                if (index < array.Count)
                {
                    array.RemoveAt(index);
                }
            }
            else
            {
                while (array.Count <= index)
                {
                    array.Add(null);
                }
                array[index] = value.Json?.DeepClone();
            }
        }
        return copy;
    }

    /// <summary>The child at <paramref name="step"/>, replaced by <paramref name="empty"/> when missing or of another shape.</summary>
    static JsonNode Child(JsonNode parent, object step, JsonNode empty)
    {
        switch (parent)
        {
            case JsonObject obj when step is string name:
                if (obj[name] is not { } existing || existing.GetValueKind() != empty.GetValueKind())
                {
                    obj[name] = existing = empty;
                }
                return existing;
            case JsonArray array when step is int index:
                while (array.Count <= index)
                {
                    array.Add(null);
                }
                if (array[index] is not { } item || item.GetValueKind() != empty.GetValueKind())
                {
                    array[index] = item = empty;
                }
                return item;
            default:
                throw new InvalidOperationException($"Step {step} does not fit {parent.GetValueKind()}.");
        }
    }
}
