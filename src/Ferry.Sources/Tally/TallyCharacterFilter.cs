namespace Ferry.Sources.Tally;

/// <summary>
/// Passes text through to the XML parser without the characters XML 1.0 forbids: Tally writes <c>&amp;#4;</c> before
/// system values and literal U+0004/U+0005 inside composite keys, and a strict parser refuses both.
/// </summary>
sealed class TallyCharacterFilter(TextReader inner) : TextReader
{
    /// <summary>"&amp;#x10FFFF;" is ten characters; anything longer is left for the parser to judge.</summary>
    const int LongestReference = 12;
    const int ChunkSize = 16 * 1024;

    readonly char[] _raw = new char[ChunkSize + LongestReference];
    readonly char[] _out = new char[ChunkSize + LongestReference];
    int _rawStart;
    int _rawEnd;
    int _outStart;
    int _outEnd;
    bool _innerEnded;

    public override int Peek() => _outStart < _outEnd || Fill() ? _out[_outStart] : -1;

    public override int Read() => _outStart < _outEnd || Fill() ? _out[_outStart++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || (_outStart == _outEnd && !Fill()))
        {
            return 0;
        }
        var count = Math.Min(buffer.Length, _outEnd - _outStart);
        _out.AsSpan(_outStart, count).CopyTo(buffer);
        _outStart += count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    bool Fill()
    {
        while (true)
        {
            var left = _rawEnd - _rawStart;
            Array.Copy(_raw, _rawStart, _raw, 0, left);
            _rawStart = 0;
            _rawEnd = left;
            if (!_innerEnded)
            {
                var read = inner.Read(_raw, _rawEnd, _raw.Length - _rawEnd);
                _innerEnded = read == 0;
                _rawEnd += read;
            }
            _outStart = 0;
            _outEnd = 0;
            Filter();
            if (_outEnd > 0)
            {
                return true;
            }
            if (_innerEnded && _rawStart == _rawEnd)
            {
                return false;
            }
        }
    }

    void Filter()
    {
        var i = _rawStart;
        while (i < _rawEnd)
        {
            var c = _raw[i];
            if (c == '&')
            {
                var length = ReferenceLength(i, out var codePoint);
                if (length < 0)
                {
                    // The reference continues in the next chunk: keep it for then.
                    break;
                }
                if (length > 0 && !IsLegal(codePoint))
                {
                    i += length;
                    continue;
                }
                _out[_outEnd++] = c;
                i++;
            }
            else
            {
                if (!IsIllegal(c))
                {
                    _out[_outEnd++] = c;
                }
                i++;
            }
        }
        _rawStart = i;
    }

    /// <summary>
    /// The length of the character reference at <paramref name="start"/>, 0 when there is none, or -1 when the text
    /// ends before it can tell and more may follow.
    /// </summary>
    int ReferenceLength(int start, out long codePoint)
    {
        codePoint = 0;
        var hex = false;
        var digits = 0;
        for (var i = start + 1; i < start + LongestReference; i++)
        {
            if (i >= _rawEnd)
            {
                return _innerEnded ? 0 : -1;
            }
            var c = _raw[i];
            if (i == start + 1)
            {
                if (c != '#')
                {
                    return 0;
                }
            }
            else if (i == start + 2 && c == 'x')
            {
                hex = true;
            }
            else if (c == ';')
            {
                return digits > 0 ? i - start + 1 : 0;
            }
            else if (char.IsAsciiDigit(c) || (hex && char.IsAsciiHexDigit(c)))
            {
                codePoint = codePoint * (hex ? 16 : 10) + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
                digits++;
            }
            else
            {
                return 0;
            }
        }
        return 0;
    }

    static bool IsLegal(long codePoint) => codePoint switch
    {
        0x9 or 0xA or 0xD => true,
        >= 0x20 and <= 0xD7FF => true,
        >= 0xE000 and <= 0xFFFD => true,
        >= 0x10000 and <= 0x10FFFF => true,
        _ => false,
    };

    /// <summary>Surrogates pass: pairs are legal, and the decoder has already refused lone ones.</summary>
    static bool IsIllegal(char c) => (c < 0x20 && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF';
}
