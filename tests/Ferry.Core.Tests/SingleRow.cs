using Ferry.Core.Mapping;
using Ferry.Core.Pipeline;
using Ferry.Core.Records;

namespace Ferry.Core.Tests;

/// <summary>Maps one spreadsheet row whose every column is mapped straight to a target field.</summary>
static class SingleRow
{
    public static MappedRecord Map(ITargetSchema schema, params (string Header, string Field, string? Value)[] cells)
    {
        var mapper = RecordMapper.Create(schema, cells.Select(c => c.Header).ToList(), cells.Select(c => new FieldMapping(c.Header, c.Field)).ToList());
        return mapper.Map(new SourceRecord(1, "row 2", cells.Select(c => c.Value).ToArray()));
    }

    public static IReadOnlyList<RecordIssue> Errors(this MappedRecord record) =>
        record.Issues?.Where(i => i.Severity == IssueSeverity.Error).ToList() ?? [];

    public static IReadOnlyList<RecordIssue> Warnings(this MappedRecord record) =>
        record.Issues?.Where(i => i.Severity == IssueSeverity.Warning).ToList() ?? [];
}
