using System.Data.Common;
using System.Text.Json;
using Ferry.Core.Jobs;
using Ferry.Core.Pipeline;

namespace Ferry.Data.Import;

/// <summary>Writes job log lines with a prepared statement, inside whatever transaction the caller holds.</summary>
sealed class JobLogWriter(FerryDbContext db, Guid organizationId, Guid jobId)
{
    static readonly string[] Columns =
        ["organization_id", "job_id", "created_at", "level", "message", "source_record_id", "source_location", "error_code", "error_details", "operation"];

    readonly ErpTable _table = ErpTable.For(db, typeof(JobLogEntry));
    DbCommand? _insert;

    public async Task WriteAsync(DbTransaction transaction, JobLogLevel level, string message, string operation,
        long? row = null, string? location = null, string? errorCode = null, string? details = null, CancellationToken cancellationToken = default)
    {
        if (_insert is null)
        {
            _insert = transaction.Connection!.CreateCommand();
            _insert.CommandText = $"INSERT INTO job_logs ({string.Join(", ", Columns)}) VALUES ({ErpTable.Placeholders("l", Columns.Length)})";
            for (var i = 0; i < Columns.Length; i++)
            {
                _insert.Parameters.Add(_table.Parameter(_insert, Columns[i], $"l{i}", Columns[i] switch
                {
                    "organization_id" => organizationId,
                    "job_id" => jobId,
                    "level" => level,
                    "created_at" => DateTime.UtcNow,
                    "message" => "",
                    _ => null,
                }));
            }
        }
        _insert.Transaction = transaction;
        var p = _insert.Parameters;
        p[2].Value = DateTime.UtcNow;
        p[3].Value = level.ToSnakeCase();
        p[4].Value = message.Length > 2000 ? message[..2000] : message;
        p[5].Value = row is null ? DBNull.Value : row.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        p[6].Value = (object?)location ?? DBNull.Value;
        p[7].Value = (object?)errorCode ?? DBNull.Value;
        p[8].Value = (object?)details ?? DBNull.Value;
        p[9].Value = operation;
        await _insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public static string IssuesJson(IEnumerable<RecordIssue> issues) =>
        JsonSerializer.Serialize(issues.Select(i => new Dictionary<string, string?>
        {
            ["field"] = i.Field,
            ["error"] = i.Message,
            ["value"] = i.Value,
            ["error_code"] = i.ErrorCode,
            ["severity"] = i.Severity == IssueSeverity.Error ? "error" : "warning",
        }));

    public void Dispose() => _insert?.Dispose();
}
