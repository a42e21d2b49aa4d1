namespace Ferry.Sources.Json;

/// <summary>
/// The values of one flattened row by column ordinal, held only as far as its last value: a record of two fields in
/// a table of a thousand columns holds two.
/// </summary>
sealed class RowValues
{
    string?[] _values = [];

    /// <summary>One past the last ordinal given a value.</summary>
    public int Length { get; private set; }

    public string? this[int ordinal]
    {
        get => ordinal < Length ? _values[ordinal] : null;
        set
        {
            if (ordinal >= _values.Length)
            {
                if (value is null)
                {
                    return;
                }
                Array.Resize(ref _values, Math.Max(ordinal + 1, _values.Length * 2));
            }
            _values[ordinal] = value;
            Length = Math.Max(Length, ordinal + 1);
        }
    }
}
