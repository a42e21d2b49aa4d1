using System.Text.Json;
using Ferry.Core.Sources;

namespace Ferry.Sources.Json;

/// <summary>
/// Walks the top level of a JSON or JSON Lines file and stops at each record: an object in the top-level array, in
/// one of an envelope's arrays of objects (a table named after its key), or on a line of its own.
/// </summary>
sealed class JsonRecordStream : IDisposable
{
    public const string RootTable = "records";
    public const int MaxDepth = 64;

    readonly JsonReadBuffer _buffer;
    readonly bool _lines;
    readonly List<string> _tables = [];
    readonly HashSet<string> _tableNames = new(StringComparer.Ordinal);
    readonly List<string> _envelopeKeys = [];
    int _envelopeKeyCount;
    Shape _shape;
    string _key = RootTable;
    ArrayRole _array;
    long _number;

    enum Shape { NotStarted, RootArray, Envelope, Lines }

    /// <summary>What the envelope array being read turned out to be; its first element decides.</summary>
    enum ArrayRole { None, Undecided, Table, Other }

    public JsonRecordStream(Stream utf8, bool lines)
    {
        _buffer = new JsonReadBuffer(utf8, Options(lines));
        _lines = lines;
    }

    /// <summary>The table the current record belongs to.</summary>
    public string Table { get; private set; } = RootTable;

    /// <summary>The current record's bytes, from its opening to its closing brace; valid until the next move.</summary>
    public ReadOnlyMemory<byte> Record { get; private set; }

    /// <summary>The tables met so far, including arrays that turned out empty.</summary>
    public IReadOnlyList<string> Tables => _tables;

    public static JsonReaderOptions Options(bool lines) => new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = MaxDepth,
        AllowMultipleValues = lines,
    };

    /// <summary>
    /// Whether the file is JSON Lines: a top-level object followed by another value. Reads no further than the first
    /// object, and gives up on an object too large to be a record.
    /// </summary>
    public static bool HoldsLines(Stream utf8)
    {
        using var buffer = new JsonReadBuffer(utf8, Options(lines: true));
        var reader = buffer.Resume();
        if (!buffer.Read(ref reader) || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }
        return buffer.SkipValue(ref reader, JsonReadBuffer.MaxRecordBytes) && buffer.Read(ref reader);
    }

    public bool MoveNext()
    {
        var reader = _buffer.Resume();
        while (_buffer.Read(ref reader))
        {
            if (StartsRecord(ref reader))
            {
                _buffer.Hold(ref reader, Table, _number);
                _buffer.SkipValue(ref reader);
                Record = _buffer.Release(ref reader);
                _buffer.Pause(ref reader);
                return true;
            }
        }
        _buffer.Pause(ref reader);
        Finish();
        return false;
    }

    bool StartsRecord(ref Utf8JsonReader reader)
    {
        switch (_shape)
        {
            case Shape.NotStarted:
                return Start(ref reader);
            case Shape.Lines:
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new SourceFormatException(
                        $"Line {_buffer.LineOf(ref reader)} holds {Kind(reader.TokenType)}, not an object; every line of a JSON Lines file must be one record in braces.");
                }
                _number++;
                return true;
            case Shape.RootArray:
                if (reader.CurrentDepth != 1)
                {
                    return false;
                }
                _number++;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new SourceFormatException(
                        $"Record {_number} of the top-level array (line {_buffer.LineOf(ref reader)}) is {Kind(reader.TokenType)}, not an object; every element must be a record in braces.");
                }
                return true;
            default:
                return InEnvelope(ref reader);
        }
    }

    bool Start(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject when _lines:
                _shape = Shape.Lines;
                AddTable(RootTable);
                _number = 1;
                return true;
            case JsonTokenType.StartObject:
                _shape = Shape.Envelope;
                return false;
            case JsonTokenType.StartArray when !_lines:
                _shape = Shape.RootArray;
                AddTable(RootTable);
                return false;
            default:
                throw new SourceFormatException(
                    $"The file holds {Kind(reader.TokenType)} at its top level, not records. A JSON import needs an array of objects, an API response whose properties hold one, or JSON Lines (one object per line).");
        }
    }

    /// <summary>Tokens of a top-level object: the arrays of objects among its properties are tables; the rest is passed over.</summary>
    bool InEnvelope(ref Utf8JsonReader reader)
    {
        if (reader.CurrentDepth == 1)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    _key = KeyName(ref reader);
                    if (_envelopeKeyCount++ < 10)
                    {
                        _envelopeKeys.Add(_key);
                    }
                    break;
                case JsonTokenType.StartArray:
                    _array = ArrayRole.Undecided;
                    _number = 0;
                    break;
                case JsonTokenType.EndArray:
                    if (_array == ArrayRole.Undecided)
                    {
                        AddTable(_key);
                    }
                    _array = ArrayRole.None;
                    break;
            }
            return false;
        }
        if (reader.CurrentDepth != 2 || _array is ArrayRole.None or ArrayRole.Other)
        {
            return false;
        }
        _number++;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            if (_array == ArrayRole.Undecided)
            {
                _array = ArrayRole.Table;
                AddTable(_key);
            }
            Table = _key;
            return true;
        }
        if (_array == ArrayRole.Undecided)
        {
            _array = ArrayRole.Other;
            return false;
        }
        throw new SourceFormatException(
            $"Element {_number} of \"{_key}\" (line {_buffer.LineOf(ref reader)}) is {Kind(reader.TokenType)}, but the elements before it are objects; a list of records must hold only objects.");
    }

    string KeyName(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new SourceFormatException($"A property name on line {_buffer.LineOf(ref reader)} is not valid text: {e.Message}", e);
        }
    }

    void AddTable(string name)
    {
        if (_tableNames.Add(name))
        {
            _tables.Add(name);
        }
    }

    void Finish()
    {
        if (_shape == Shape.NotStarted)
        {
            throw new SourceFormatException(JsonReadBuffer.NoJson);
        }
        if (_shape == Shape.Envelope && _tables.Count == 0)
        {
            throw new SourceFormatException(_envelopeKeys.Count == 0
                ? "The file holds an empty JSON object ({}), so there are no records in it."
                : $"The file holds one JSON object, but none of its properties is a list of records (objects in square brackets). Its properties are: {string.Join(", ", _envelopeKeys)}{(_envelopeKeyCount > _envelopeKeys.Count ? ", …" : "")}.");
        }
    }

    static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a true/false value",
        _ => "null",
    };

    public void Dispose() => _buffer.Dispose();
}
