namespace Ferry.Core.Pipeline;

/// <summary>What a dry run found: how many records would be inserted, updated, skipped or fail, and why.</summary>
public sealed class ValidationReport
{
    public const int MaxIssues = 200;

    public long RecordsTotal { get; set; }

    public long RecordsValid { get; set; }

    public long RecordsInvalid { get; set; }

    public long WouldInsert { get; set; }

    public long WouldUpdate { get; set; }

    public long WouldSkip { get; set; }

    public long Duplicates { get; set; }

    public long Warnings { get; set; }

    public Dictionary<string, long> ErrorsByField { get; } = new(StringComparer.Ordinal);

    public List<RecordIssue> Issues { get; } = [];

    public bool IssuesTruncated { get; set; }

    /// <summary>For a whole-books import: what each entity would come to.</summary>
    public Dictionary<string, EntityCount>? ByEntity { get; set; }

    /// <summary>For a whole-books import: ledgers and items that vouchers name but neither the file nor the ERP has, with how many vouchers name each.</summary>
    public Dictionary<string, long>? MissingMasters { get; set; }

    public void AddDuplicate() => Duplicates++;

    public void AddIssue(RecordIssue issue)
    {
        if (issue.Severity == IssueSeverity.Error)
        {
            var key = issue.Field ?? "(record)";
            ErrorsByField[key] = ErrorsByField.GetValueOrDefault(key) + 1;
        }
        else
        {
            Warnings++;
        }
        if (Issues.Count < MaxIssues)
        {
            Issues.Add(issue);
        }
        else
        {
            IssuesTruncated = true;
        }
    }
}
