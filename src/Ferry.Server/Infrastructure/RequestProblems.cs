using System.Text.Json;
using Ferry.Core;
using Microsoft.AspNetCore.Http.Metadata;

namespace Ferry.Server.Infrastructure;

/// <summary>Makes every problem answer carry an error code, and says which field of a request could not be read.</summary>
static class RequestProblems
{
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions.TryAdd("trace_id", context.HttpContext.TraceIdentifier);
        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation)
        {
            NameFieldsAsTheApiDoes(validation);
            problem.Extensions.TryAdd("field", validation.Errors.Keys.First());
            problem.Detail ??= string.Join(" ", validation.Errors.SelectMany(e => e.Value));
        }
        if (!problem.Extensions.ContainsKey("error_code") && CodeFor(problem.Status ?? context.HttpContext.Response.StatusCode) is { } code)
        {
            problem.Extensions["error_code"] = code;
            problem.Title ??= ErrorStatus.Title(code);
        }
    }

    /// <summary>Validation names members as C# does ("Options.AdjustmentLedger"); the API's fields are snake_case.</summary>
    static void NameFieldsAsTheApiDoes(HttpValidationProblemDetails validation)
    {
        var errors = validation.Errors.ToList();
        validation.Errors.Clear();
        foreach (var (key, messages) in errors)
        {
            var members = key.Split('.');
            var field = string.Join('.', members.Select(m => JsonNamingPolicy.SnakeCaseLower.ConvertName(m)));
            var member = members[^1];
            validation.Errors[field] = [.. messages.Select(m => m.Replace($"field {member} ", $"field '{field}' ", StringComparison.Ordinal))];
        }
    }

    static string? CodeFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => ErrorCodes.InsufficientPermissions,
        StatusCodes.Status404NotFound => ErrorCodes.NotFound,
        StatusCodes.Status413PayloadTooLarge => ErrorCodes.FileTooLarge,
        >= 400 and < 500 => ErrorCodes.InvalidRequest,
        >= 500 => ErrorCodes.DatabaseError,
        _ => null,
    };

    /// <summary>The field and message for a request whose body or parameters could not be bound.</summary>
    public static (string? Field, string Detail) Describe(BadHttpRequestException exception, Endpoint? endpoint)
    {
        if (exception.InnerException is not JsonException json)
        {
            return (null, exception.StatusCode == StatusCodes.Status415UnsupportedMediaType
                ? "Send the body as JSON with 'Content-Type: application/json'."
                : exception.Message);
        }
        var field = FieldOf(json.Path);
        if (json is RejectedJsonValueException)
        {
            return (field, $"'{field}' {json.Message}");
        }
        if (field is null)
        {
            return (null, "The request body is not valid JSON. Send one JSON object with the fields the endpoint takes.");
        }
        var requestType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        return (field, MemberType(requestType, field) is { } expected
            ? $"'{field}' must be {KindOf(expected)}."
            : $"'{field}' could not be read; check the kind of its value against the API reference.");
    }

    /// <summary>The type of the request member at a JSON path such as "options.adjustment_ledger" or "data_types[0]".</summary>
    static Type? MemberType(Type? type, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            var name = segment.Split('[')[0];
            var property = type?.GetProperties().FirstOrDefault(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) == name);
            if (property is null)
            {
                return null;
            }
            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (segment.Contains('[', StringComparison.Ordinal) && type.IsGenericType)
            {
                type = type.GetGenericArguments()[0];
            }
        }
        return type;
    }

    static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    static string KindOf(Type type) => type switch
    {
        _ when type == typeof(string) => "a text",
        _ when type == typeof(int) => $"a whole number between {int.MinValue} and {int.MaxValue}",
        _ when type == typeof(long) => "a whole number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(DateOnly) => "a date written yyyy-MM-dd",
        _ when type == typeof(Guid) => "an id (a GUID)",
        _ when type == typeof(decimal) || type == typeof(double) => "a number",
        _ when type.IsEnum => "one of its names, as text",
        _ when type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "a list",
        _ => "an object with the documented fields",
    };
}
