using System.Globalization;

namespace Ferry.Core.Rules;

/// <summary>
/// Finds where a regular expression repeats a group that itself repeats, with either repetition unbounded:
/// "(a+)+", "(x?)*", "(\w+\s?){20}". That is the shape that makes a backtracking engine take exponential time.
/// The scan reads a pattern .NET has already parsed, so it only has to tell atoms, groups and quantifiers apart.
/// </summary>
static class NestedRepetition
{
    /// <summary>The first such group with its outer quantifier, e.g. "(a+)+", or null when there is none.</summary>
    public static string? Find(string pattern) => new Scan(pattern).Run();

    readonly record struct Quantifier(int Min, int? Max)
    {
        public static readonly Quantifier Once = new(1, 1);

        public bool Unbounded => Max is null;

        public bool Variable => Max is null || Max > Min;

        public bool Repeats => Max is null || Max > 1;
    }

    /// <summary>What the quantifiers inside a group allow: any count that varies, any with no upper bound.</summary>
    record struct Repetition(bool Variable, bool Unbounded)
    {
        public void Add(Quantifier quantifier, Repetition inner = default)
        {
            Variable |= quantifier.Variable || inner.Variable;
            Unbounded |= quantifier.Unbounded || inner.Unbounded;
        }
    }

    sealed class Scan(string pattern)
    {
        readonly Stack<(Repetition Outer, int Start)> _groups = new();
        Repetition _content;
        bool _extended;
        int _i;

        public string? Run()
        {
            while (_i < pattern.Length)
            {
                if (SkipIgnorable())
                {
                    continue;
                }
                switch (pattern[_i])
                {
                    case '\\':
                        SkipEscape();
                        break;
                    case '[':
                        _i = AfterClass(_i);
                        break;
                    case '(':
                        OpenGroup();
                        continue;
                    case ')':
                        if (CloseGroup() is { } fragment)
                        {
                            return fragment;
                        }
                        continue;
                    default:
                        _i++;
                        break;
                }
                _content.Add(ReadQuantifier());
            }
            return null;
        }

        /// <summary>Under the x option, white space and #-comments are not part of the pattern; true when any was skipped.</summary>
        bool SkipIgnorable()
        {
            var start = _i;
            while (_extended && _i < pattern.Length)
            {
                if (char.IsWhiteSpace(pattern[_i]))
                {
                    _i++;
                }
                else if (pattern[_i] == '#')
                {
                    _i = After('\n', _i);
                }
                else
                {
                    break;
                }
            }
            return _i > start;
        }

        void SkipEscape()
        {
            _i += 2;
            if (_i < pattern.Length && pattern[_i - 1] is 'p' or 'P' && pattern[_i] == '{')
            {
                _i = After('}', _i);
            }
            else if (_i < pattern.Length && pattern[_i - 1] == 'k' && pattern[_i] is '<' or '\'')
            {
                _i = After(pattern[_i] == '<' ? '>' : '\'', _i + 1);
            }
        }

        int AfterClass(int start)
        {
            var j = start + 1;
            if (j < pattern.Length && pattern[j] == '^')
            {
                j++;
            }
            if (j < pattern.Length && pattern[j] == ']')
            {
                j++;
            }
            while (j < pattern.Length)
            {
                switch (pattern[j])
                {
                    case '\\':
                        j += 2;
                        break;
                    case '[' when pattern[j - 1] == '-':
                        j = AfterClass(j);
                        break;
                    case ']':
                        return j + 1;
                    default:
                        j++;
                        break;
                }
            }
            return j;
        }

        void OpenGroup()
        {
            var start = _i;
            if (At(_i + 1, '?') && At(_i + 2, '#'))
            {
                _i = After(')', _i);
                return;
            }
            if (At(_i + 1, '?') && InlineOptionsEnd(_i + 2) is (var end, var opensGroup))
            {
                _i = end + 1;
                if (!opensGroup)
                {
                    return;
                }
            }
            else
            {
                _i = AfterGroupOpening(_i);
            }
            _groups.Push((_content, start));
            _content = default;
        }

        /// <summary>Reads "imnsx-imnsx" after "(?": the index of the ':' or ')' that ends it, and whether it opens a group.</summary>
        (int End, bool OpensGroup)? InlineOptionsEnd(int j)
        {
            var on = true;
            var extended = _extended;
            for (; j < pattern.Length; j++)
            {
                switch (pattern[j])
                {
                    case '-':
                        on = false;
                        break;
                    case 'x':
                        extended = on;
                        break;
                    case 'i' or 'm' or 'n' or 's':
                        break;
                    case ':' or ')':
                        _extended = extended;
                        return (j, pattern[j] == ':');
                    default:
                        return null;
                }
            }
            return null;
        }

        int AfterGroupOpening(int j)
        {
            if (!At(j + 1, '?'))
            {
                return j + 1;
            }
            if (At(j + 2, '<') && !At(j + 3, '=') && !At(j + 3, '!'))
            {
                return After('>', j + 3);
            }
            if (At(j + 2, '\''))
            {
                return After('\'', j + 3);
            }
            if (At(j + 2, '('))
            {
                return j + 2;
            }
            return At(j + 2, '<') ? j + 4 : j + 3;
        }

        string? CloseGroup()
        {
            _i++;
            if (_groups.Count == 0)
            {
                return null;
            }
            var inner = _content;
            var (outer, start) = _groups.Pop();
            _content = outer;
            var quantifier = ReadQuantifier();
            if (quantifier.Repeats && (inner.Unbounded || (quantifier.Unbounded && inner.Variable)))
            {
                return pattern[start.._i];
            }
            _content.Add(quantifier, inner);
            return null;
        }

        Quantifier ReadQuantifier()
        {
            SkipIgnorable();
            if (_i >= pattern.Length)
            {
                return Quantifier.Once;
            }
            Quantifier? quantifier = pattern[_i] switch
            {
                '*' => new Quantifier(0, null),
                '+' => new Quantifier(1, null),
                '?' => new Quantifier(0, 1),
                '{' => Braces(),
                _ => null,
            };
            if (quantifier is null)
            {
                return Quantifier.Once;
            }
            _i = pattern[_i] == '{' ? After('}', _i) : _i + 1;
            if (At(_i, '?'))
            {
                _i++;
            }
            return quantifier.Value;
        }

        /// <summary>"{n}", "{n,}" or "{n,m}"; any other '{' is a literal.</summary>
        Quantifier? Braces()
        {
            var close = pattern.IndexOf('}', _i);
            if (close < 0)
            {
                return null;
            }
            var body = pattern.AsSpan(_i + 1, close - _i - 1);
            var comma = body.IndexOf(',');
            var minText = comma < 0 ? body : body[..comma];
            if (!int.TryParse(minText, NumberStyles.None, CultureInfo.InvariantCulture, out var min))
            {
                return null;
            }
            if (comma < 0)
            {
                return new Quantifier(min, min);
            }
            var maxText = body[(comma + 1)..];
            if (maxText.IsEmpty)
            {
                return new Quantifier(min, null);
            }
            return int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var max) ? new Quantifier(min, max) : null;
        }

        bool At(int index, char c) => index < pattern.Length && pattern[index] == c;

        /// <summary>The index after the next <paramref name="c"/>, or the end: the scan always moves forward.</summary>
        int After(char c, int from)
        {
            var at = from < pattern.Length ? pattern.IndexOf(c, from) : -1;
            return at < 0 ? pattern.Length : at + 1;
        }
    }
}
