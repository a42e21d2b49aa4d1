using Ferry.Core.Mapping;
using Ferry.Core.Profiling;
using Ferry.Core.Records;
using Ferry.Core.Rules;
using Ferry.Core.Values;

namespace Ferry.Core.Pipeline;

/// <summary>
/// A mapping set checked against a file's columns and a data type's fields, ready to turn source rows into
/// typed, validated records. Building it fails with MIG010 (bad mapping) or MIG003 (required field unmapped).
/// </summary>
public sealed class RecordMapper
{
    readonly ITargetSchema _schema;
    readonly FieldPlan[] _plans;

    RecordMapper(ITargetSchema schema, FieldIndex index, FieldPlan[] plans)
    {
        _schema = schema;
        Index = index;
        _plans = plans;
        MappedFields = plans.Select(p => p.Field.Name).ToHashSet(StringComparer.Ordinal);
    }

    public FieldIndex Index { get; }

    /// <summary>The target fields that get a value from this mapping; an update writes only these.</summary>
    public IReadOnlySet<string> MappedFields { get; }

    /// <param name="readings">How each source column writes numbers and dates, as its profile found; day-first and
    /// decimal point when a column has none.</param>
    public static RecordMapper Create(ITargetSchema schema, IReadOnlyList<string> columns, IReadOnlyList<FieldMapping> mappings,
        IReadOnlyDictionary<string, ColumnReading>? readings = null)
    {
        var index = new FieldIndex(schema.Fields);
        var plans = new List<FieldPlan>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            if (!index.TryGetPosition(mapping.TargetField, out var position))
            {
                throw new FerryException(ErrorCodes.MappingInvalid,
                    $"'{mapping.TargetField}' is not a field of {schema.DataType}. Fields: {string.Join(", ", schema.Fields.Select(f => f.Name))}.")
                { Field = mapping.TargetField };
            }
            if (!seen.Add(mapping.TargetField))
            {
                throw new FerryException(ErrorCodes.MappingInvalid,
                    $"The field '{mapping.TargetField}' is mapped more than once; keep one mapping per target field.")
                { Field = mapping.TargetField };
            }
            var ordinal = -1;
            if (!string.IsNullOrEmpty(mapping.SourceField))
            {
                ordinal = IndexOfColumn(columns, mapping.SourceField);
                if (ordinal < 0)
                {
                    throw new FerryException(ErrorCodes.MappingInvalid,
                        $"The column '{mapping.SourceField}' mapped to '{mapping.TargetField}' is not in the file. Columns: {string.Join(", ", columns)}.")
                    { Field = mapping.TargetField };
                }
            }
            else if (mapping.DefaultValue is null)
            {
                throw new FerryException(ErrorCodes.MappingInvalid,
                    $"The mapping for '{mapping.TargetField}' has neither a source column nor a default value.")
                { Field = mapping.TargetField };
            }
            var field = schema.Fields[position];
            plans.Add(new FieldPlan(
                field,
                position,
                ordinal,
                mapping.IsRequired || field.Required,
                mapping.DefaultValue,
                RuleParser.ParseTransforms(mapping.TransformationRule),
                RuleParser.ParseValidations(mapping.ValidationRule),
                ordinal >= 0 && readings is not null && readings.TryGetValue(columns[ordinal], out var reading) ? reading : Plain));
        }

        var missing = schema.Fields.Where(f => f.Required && !seen.Contains(f.Name)).Select(f => f.Name).ToList();
        if (missing.Count > 0)
        {
            throw new FerryException(ErrorCodes.RequiredFieldsMissing,
                $"Required fields of {schema.DataType} have no mapping: {string.Join(", ", missing)}. Map a column or set a default value for each.");
        }
        return new RecordMapper(schema, index, [.. plans]);
    }

    public MappedRecord Map(SourceRecord source)
    {
        var record = new MappedRecord(source.RowNumber, source.Location, Index);
        foreach (var plan in _plans)
        {
            var text = plan.SourceOrdinal >= 0 && plan.SourceOrdinal < source.Values.Length ? source.Values[plan.SourceOrdinal] : null;
            text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            foreach (var transform in plan.Transforms)
            {
                if (transform.AppliesToText)
                {
                    text = transform.ApplyToText(text);
                }
            }
            if (string.IsNullOrEmpty(text))
            {
                text = plan.DefaultValue;
            }
            if (string.IsNullOrEmpty(text))
            {
                if (plan.Required)
                {
                    record.AddError(plan.Field.Name, ErrorCodes.RequiredFieldsMissing, $"{plan.Field.Name} is required but empty");
                }
                continue;
            }
            record.Texts[plan.Position] = text;
            var value = Convert(record, plan, text);
            if (value is null)
            {
                continue;
            }
            if (value is decimal number)
            {
                foreach (var transform in plan.Transforms)
                {
                    if (!transform.AppliesToText)
                    {
                        number = transform.ApplyToNumber(number);
                    }
                }
                value = number;
            }
            foreach (var validation in plan.Validations)
            {
                if (validation.Check(text, value) is { } problem)
                {
                    record.AddError(plan.Field.Name, ErrorCodes.ValidationFailed, $"{plan.Field.Name} {problem}", text);
                }
            }
            record.Values[plan.Position] = value;
        }
        _schema.Complete(record);
        CheckLengths(record);
        if (!record.HasErrors)
        {
            record.NaturalKey = _schema.NaturalKey(record);
        }
        return record;
    }

    static readonly ColumnReading Plain = new(NumberFormat.DecimalPoint, DateOrder.DayFirst, AcceptExcelSerials: false);

    static object? Convert(MappedRecord record, FieldPlan plan, string text)
    {
        var field = plan.Field;
        var reading = plan.Reading;
        switch (field.Type)
        {
            case FieldType.Decimal:
                if (ValueParser.TryParseDecimal(text, reading.NumberFormat, out var d))
                {
                    return d;
                }
                record.AddError(field.Name, ErrorCodes.ValidationFailed, $"{field.Name}: '{text}' is not a number", text);
                return null;
            case FieldType.Integer:
                if (ValueParser.TryParseInteger(text, reading.NumberFormat, out var l))
                {
                    return l;
                }
                record.AddError(field.Name, ErrorCodes.ValidationFailed, $"{field.Name}: '{text}' is not a whole number", text);
                return null;
            case FieldType.Date:
                if (ValueParser.TryParseDate(text, reading.DateOrder, reading.AcceptExcelSerials, out var date))
                {
                    return date;
                }
                record.AddError(field.Name, ErrorCodes.ValidationFailed, $"{field.Name}: '{text}' is not a date (use dd-MM-yyyy or yyyy-MM-dd)", text);
                return null;
            case FieldType.Boolean:
                if (ValueParser.TryParseBoolean(text, out var b))
                {
                    return b;
                }
                record.AddError(field.Name, ErrorCodes.ValidationFailed, $"{field.Name}: '{text}' is not yes/no", text);
                return null;
            default:
                if (field.AllowedValues is { } allowed)
                {
                    var match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
                    if (match is null)
                    {
                        record.AddError(field.Name, ErrorCodes.ValidationFailed, $"{field.Name}: '{text}' must be one of {string.Join(", ", allowed)}", text);
                        return null;
                    }
                    return match;
                }
                return text;
        }
    }

    /// <summary>Checked after the schema has normalised values, so "27 AAPFU 0939F 1ZV" is measured without its spaces.</summary>
    void CheckLengths(MappedRecord record)
    {
        foreach (var plan in _plans)
        {
            if (plan.Field.MaxLength is { } max && record.Values[plan.Position] is string text && text.Length > max)
            {
                record.AddError(plan.Field.Name, ErrorCodes.ValidationFailed, $"{plan.Field.Name} is {text.Length} characters long; at most {max} fit", text);
                record.Values[plan.Position] = null;
            }
        }
    }

    static int IndexOfColumn(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    sealed record FieldPlan(
        TargetField Field,
        int Position,
        int SourceOrdinal,
        bool Required,
        string? DefaultValue,
        IReadOnlyList<TransformRule> Transforms,
        IReadOnlyList<ValidationRule> Validations,
        ColumnReading Reading);
}
