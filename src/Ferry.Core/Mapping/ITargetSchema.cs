using Ferry.Core.Pipeline;

namespace Ferry.Core.Mapping;

/// <summary>What the engine needs to know about one ERP data type to map, validate and key its records.</summary>
public interface ITargetSchema
{
    string DataType { get; }

    IReadOnlyList<TargetField> Fields { get; }

    /// <summary>Fills derived fields and checks rules that span fields; adds issues to the record.</summary>
    void Complete(MappedRecord record);

    /// <summary>The natural key of a complete, valid record: unique per organization.</summary>
    string NaturalKey(MappedRecord record);

    /// <summary>A short human-readable name for the record (for logs and conflicts).</summary>
    string Describe(MappedRecord record);

    /// <summary>Changes the identifying fields of the record so it no longer collides (strategy create_new).</summary>
    void MakeDistinct(MappedRecord record, int attempt);
}
