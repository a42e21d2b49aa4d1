using System.Text.Json;
using System.Text.RegularExpressions;
using Ferry.Core;
using Microsoft.AspNetCore.Http.Metadata;

namespace Ferry.Server.Infrastructure;

/// <summary>Makes every problem answer carry an error code, and says which field of a request could not be read.</summary>
static partial class RequestProblems
{
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions.TryAdd("trace_id", context.HttpContext.TraceIdentifier);
        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation)
        {
            problem.Extensions.TryAdd("field", validation.Errors.Keys.First());
            problem.Detail ??= string.Join(" ", validation.Errors.SelectMany(e => e.Value));
        }
        if (!problem.Extensions.ContainsKey("error_code") && CodeFor(problem.Status ?? context.HttpContext.Response.StatusCode) is { } code)
        {
            problem.Extensions["error_code"] = code;
            problem.Title ??= ErrorStatus.Title(code);
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
    public static (string? Field, string Detail) Describe(BadHttpRequestException exception, HttpContext http)
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
        var expected = ConvertedTo().Match(json.Message) is { Success: true } match ? KindOf(match.Groups[1].Value) : null;
        return (field, expected is null
            ? $"'{field}' could not be read. Check the value's kind against the API reference ({RequestTypeOf(http)})."
            : $"'{field}' must be {expected}.");
    }

    static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    static string KindOf(string typeName) => typeName switch
    {
        _ when typeName.Contains("System.String", StringComparison.Ordinal) && typeName.Contains("List", StringComparison.Ordinal) => "a list of texts",
        _ when typeName.Contains("System.String", StringComparison.Ordinal) => "a text",
        _ when typeName.Contains("System.Int32", StringComparison.Ordinal) => $"a whole number between {int.MinValue} and {int.MaxValue}",
        _ when typeName.Contains("System.Int64", StringComparison.Ordinal) => "a whole number",
        _ when typeName.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ when typeName.Contains("System.DateOnly", StringComparison.Ordinal) => "a date written yyyy-MM-dd",
        _ when typeName.Contains("System.Guid", StringComparison.Ordinal) => "an id (a GUID)",
        _ when typeName.Contains("System.Decimal", StringComparison.Ordinal) || typeName.Contains("System.Double", StringComparison.Ordinal) => "a number",
        _ => "a JSON object with the documented fields",
    };

    static string RequestTypeOf(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType?.Name ?? "request body";

    [GeneratedRegex(@"could not be converted to ([^\s]+?)\.? Path", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertedTo();
}
