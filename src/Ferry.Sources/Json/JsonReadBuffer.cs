using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Ferry.Core.Sources;

namespace Ferry.Sources.Json;

/// <summary>
/// A JSON file's bytes, read a chunk at a time into one buffer over which Utf8JsonReaders resume one after another.
/// The bytes of the record being read are held until it is complete, so it can be handed on in one piece.
/// </summary>
sealed class JsonReadBuffer(Stream utf8, JsonReaderOptions options) : IDisposable
{
    /// <summary>Largest record, or single value, held in memory at once.</summary>
    public const int MaxRecordBytes = 16 * 1024 * 1024;

    public const string NoJson = "The file holds no JSON, only blank space or comments. Export the data again and upload the file that has records in it.";

    byte[] _buffer = new byte[1 << 18];
    int _end;
    int _start;
    int _held = -1;
    string? _heldTable;
    long _heldNumber;
    bool _final;
    bool _started;
    long _dropped;
    long _droppedLines;
    JsonReaderState _state = new(options);

    /// <summary>Bytes consumed before the current reader's first byte.</summary>
    public long Position => _dropped + _start;

    public Utf8JsonReader Resume() => new(_buffer.AsSpan(_start, _end - _start), _final, _state);

    public void Pause(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    /// <summary>Moves to the next token, reading more of the file when the reader runs out; false at the end of the text.</summary>
    public bool Read(ref Utf8JsonReader reader)
    {
        try
        {
            while (!reader.Read())
            {
                if (_final)
                {
                    return false;
                }
                Pause(ref reader);
                Fill();
                reader = Resume();
            }
            _started = true;
            return true;
        }
        catch (JsonException e)
        {
            throw Malformed(e);
        }
    }

    /// <summary>
    /// Moves from the first token of an object or array to its last, reading more of the file as needed; false, leaving
    /// the reader somewhere inside, when the value runs on past <paramref name="limit"/> bytes of the file.
    /// </summary>
    public bool SkipValue(ref Utf8JsonReader reader, long limit = long.MaxValue)
    {
        var depth = reader.CurrentDepth;
        var local = reader;
        try
        {
            while (true)
            {
                while (local.Read())
                {
                    if (local.CurrentDepth == depth)
                    {
                        reader = local;
                        return true;
                    }
                }
                if (Position + local.BytesConsumed > limit)
                {
                    reader = local;
                    return false;
                }
                Pause(ref local);
                Fill();
                local = Resume();
            }
        }
        catch (JsonException e)
        {
            throw Malformed(e);
        }
    }

    /// <summary>Keeps the bytes from the current token (a record's opening brace) on, until <see cref="Release"/>.</summary>
    public void Hold(ref Utf8JsonReader reader, string table, long number)
    {
        _held = _start + (int)reader.TokenStartIndex;
        _heldTable = table;
        _heldNumber = number;
    }

    /// <summary>The held bytes up to the current token (the record's closing brace); valid until the next read.</summary>
    public ReadOnlyMemory<byte> Release(ref Utf8JsonReader reader)
    {
        var record = _buffer.AsMemory(_held, _start + (int)reader.BytesConsumed - _held);
        // The reader checks structure but not the UTF-8 inside strings; a bad byte there would surface much later.
        if (!Utf8.IsValid(record.Span))
        {
            var invalid = _held + FirstInvalidUtf8(record.Span);
            throw new SourceFormatException(
                $"Record {_heldNumber} of {_heldTable} holds bytes that are not UTF-8 text (byte 0x{_buffer[invalid]:X2} on line {LineAt(invalid)}). Save the file again as UTF-8 and upload that.");
        }
        _held = -1;
        return record;
    }

    public long LineOf(ref Utf8JsonReader reader) => LineAt(_start + (int)reader.TokenStartIndex);

    void Fill()
    {
        var keep = _held >= 0 ? _held : _start;
        if (keep > 0)
        {
            _droppedLines += _buffer.AsSpan(0, keep).Count((byte)'\n');
            _dropped += keep;
            _buffer.AsSpan(keep, _end - keep).CopyTo(_buffer);
            _end -= keep;
            _start -= keep;
            _held = _held >= 0 ? 0 : -1;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxRecordBytes)
            {
                throw TooLarge();
            }
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxRecordBytes));
        }
        int read;
        try
        {
            read = utf8.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (DecoderFallbackException e)
        {
            throw new SourceFormatException(
                $"The file is not valid UTF-16 text (near line {LineAt(_end)}: {e.Message}). Save it again as UTF-8 and upload that.", e);
        }
        if (read == 0)
        {
            _final = true;
        }
        _end += read;
    }

    SourceFormatException TooLarge() => _held >= 0
        ? new SourceFormatException(
            $"Record {_heldNumber} of {_heldTable}, starting on line {LineAt(_held)}, is larger than {MaxRecordBytes / (1024 * 1024)} MB. A record that size is almost always an embedded file or a missing bracket; remove it and upload again.")
        : new SourceFormatException(
            $"A single value on line {LineAt(_start)} is larger than {MaxRecordBytes / (1024 * 1024)} MB; it is not something that can be imported. Remove it and upload again.");

    SourceFormatException Malformed(JsonException e)
    {
        var line = (e.LineNumber ?? 0) + 1;
        var detail = e.Message;
        var cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            detail = detail[..cut];
        }
        if (!_started && _final)
        {
            return new SourceFormatException(NoJson, e);
        }
        // Everything before the last chunk was read without complaint, so a complaint only once the reader knows
        // no more is coming means the text stops in the middle.
        return _final
            ? new SourceFormatException(
                $"The file ends before its JSON is complete (line {line}): it was probably cut off during export or download. Export it again and upload the whole file. ({detail})", e)
            : new SourceFormatException($"The file is not valid JSON at line {line}, byte {(e.BytePositionInLine ?? 0) + 1} of that line: {detail}", e);
    }

    long LineAt(int index) => _droppedLines + _buffer.AsSpan(0, index).Count((byte)'\n') + 1;

    static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != OperationStatus.Done)
            {
                return i;
            }
            i += consumed;
        }
        return 0;
    }

    public void Dispose() => utf8.Dispose();
}
