using Ferry.Core.Sources;

namespace Ferry.Sources.Tables;

/// <summary>A reader whose rows end at their last value, so that a short row in a wide table costs only its own cells.</summary>
public interface IRaggedRecordReader : IRecordReader
{
    /// <summary>The current row's values up to its last non-blank one; <see cref="IRecordReader.GetValue"/> past it is null.</summary>
    int FieldCount { get; }
}
