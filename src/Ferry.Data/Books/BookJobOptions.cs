using System.Text.Json;
using Ferry.Core;
using Ferry.Erp.Books;

namespace Ferry.Data.Books;

/// <summary>A job's whole-books options as stored on the job (snake_case JSON): adjustment_ledger, create_missing_masters.</summary>
public static class BookJobOptions
{
    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static BookOptions Read(string? json) =>
        json is null ? new BookOptions() : JsonSerializer.Deserialize<BookOptions>(json, Json) ?? new BookOptions();

    public static string Write(BookOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AdjustmentLedger) || options.AdjustmentLedger.Length > 200)
        {
            throw new FerryException(ErrorCodes.MappingInvalid, "adjustment_ledger must be a ledger name of 1 to 200 characters.") { Field = "adjustment_ledger" };
        }
        return JsonSerializer.Serialize(options with { AdjustmentLedger = options.AdjustmentLedger.Trim() }, Json);
    }
}
