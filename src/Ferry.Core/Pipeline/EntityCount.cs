namespace Ferry.Core.Pipeline;

/// <summary>
/// What one entity of a whole-books import came to. <see cref="Kept"/> are rows the source changed that the conflict
/// strategy left as they were; <see cref="Placeholders"/> are rows created because vouchers named them.
/// </summary>
public sealed class EntityCount
{
    public long Inserted { get; set; }

    public long Updated { get; set; }

    public long Unchanged { get; set; }

    public long Kept { get; set; }

    public long Skipped { get; set; }

    public long Failed { get; set; }

    public long Placeholders { get; set; }
}
