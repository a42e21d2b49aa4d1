using System.Globalization;
using System.Text.RegularExpressions;

namespace Ferry.Core.Rules;

/// <summary>
/// The pattern of a "regex:" validation rule, compiled so that no value can stall a run: in linear time by the
/// NonBacktracking engine where the pattern allows it, otherwise by the backtracking engine under a match timeout.
/// One instance serves one run (a dry run or an execution attempt) and stops trying after repeated timeouts.
/// </summary>
public sealed class RulePattern
{
    /// <summary>Enough for any realistic field check; it also bounds what compiling the pattern can cost.</summary>
    public const int MaxLength = 500;

    /// <summary>After this many values time out in one run, the rest fail the rule without being tried.</summary>
    public const int TimeoutsPerRun = 10;

    /// <summary>
    /// A field check takes microseconds, so a value still unchecked after 100 ms is pathological, not slow; and
    /// <see cref="TimeoutsPerRun"/> of them cost a run one second.
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    readonly Regex _regex;
    int _timeouts;

    RulePattern(Regex regex) => _regex = regex;

    public string Pattern => _regex.ToString();

    /// <summary>False when the pattern runs in linear time; true when it needed the backtracking engine.</summary>
    public bool Backtracks => !_regex.Options.HasFlag(RegexOptions.NonBacktracking);

    /// <summary>Compiles a rule's pattern; MIG010 when it is invalid, too long, or cannot be made safe.</summary>
    public static RulePattern Compile(string pattern) => Compile(pattern, MatchTimeout);

    internal static RulePattern Compile(string pattern, TimeSpan matchTimeout)
    {
        if (pattern.Length > MaxLength)
        {
            throw new FerryException(ErrorCodes.MappingInvalid,
                $"The validation rule's regular expression is {pattern.Length} characters long; shorten it to at most {MaxLength}.");
        }
        try
        {
            return new RulePattern(new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeout));
        }
        catch (NotSupportedException)
        {
            // Backreferences, lookarounds, atomic groups, conditionals and very large counted repetitions need backtracking.
        }
        catch (ArgumentException e)
        {
            throw new FerryException(ErrorCodes.MappingInvalid, $"The validation rule 'regex:{pattern}' is not a valid regular expression: {e.Message}");
        }
        if (NestedRepetition.Find(pattern) is { } nested)
        {
            throw new FerryException(ErrorCodes.MappingInvalid,
                $"The validation rule 'regex:{pattern}' repeats a repetition ('{nested}') and uses a construct that needs backtracking " +
                "(a backreference, lookaround, atomic group, conditional or large counted repetition), so some values would take exponential time. " +
                "Remove the outer repetition, or write the pattern without those constructs.");
        }
        return new RulePattern(new Regex(pattern, RegexOptions.CultureInvariant, matchTimeout));
    }

    /// <summary>Returns null when the value matches, else what is wrong, including when it could not be checked in time.</summary>
    public string? Check(string value)
    {
        if (_timeouts >= TimeoutsPerRun)
        {
            return $"was not checked against 'regex:{Pattern}': {TimeoutsPerRun} values already took over {Milliseconds} ms each in this run, " +
                "so the rest fail without being tried. Simplify the pattern.";
        }
        try
        {
            return _regex.IsMatch(value) ? null : $"does not match the pattern {Pattern}";
        }
        catch (RegexMatchTimeoutException)
        {
            _timeouts++;
            return $"could not be checked against 'regex:{Pattern}' within {Milliseconds} ms";
        }
    }

    string Milliseconds => _regex.MatchTimeout.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
}
