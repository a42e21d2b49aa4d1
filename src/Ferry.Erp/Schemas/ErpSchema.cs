using Ferry.Core.Mapping;
using Ferry.Core.Pipeline;

namespace Ferry.Erp.Schemas;

/// <summary>An importable ERP data type: its fields, how records are keyed and completed, and the table behind it.</summary>
public abstract class ErpSchema : ITargetSchema
{
    public abstract string DataType { get; }

    public abstract Type EntityType { get; }

    public abstract IReadOnlyList<TargetField> Fields { get; }

    public virtual IReadOnlyList<ErpReference> References => [];

    /// <summary>
    /// Fields the schema works out from others (a balance's side from its amount, a PAN from a GSTIN); an update
    /// writes them when the fields they come from are mapped.
    /// </summary>
    public virtual IReadOnlyDictionary<string, string[]> DerivedFields { get; } = new Dictionary<string, string[]>();

    public abstract void Complete(MappedRecord record);

    public abstract string NaturalKey(MappedRecord record);

    public abstract string Describe(MappedRecord record);

    public abstract void MakeDistinct(MappedRecord record, int attempt);

    protected static void UpperNoSpaces(MappedRecord record, string field)
    {
        if (record.GetString(field) is { } value)
        {
            record[field] = new string(value.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        }
    }

    protected static void WarnIfScientific(MappedRecord record, string field)
    {
        if (record.GetString(field) is { } value && (value.Contains("E+", StringComparison.OrdinalIgnoreCase)) && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            record.AddWarning(field, Core.ErrorCodes.ValidationFailed,
                $"{field} '{value}' looks like a number a spreadsheet turned into scientific notation; its digits are lost. Format the column as text and export again.", value);
        }
    }
}
