namespace Ferry.Core.Jobs;

/// <summary>What to do with a record whose natural key already exists in the ERP.</summary>
public enum ConflictStrategy
{
    Skip,
    Update,
    CreateNew,
}
