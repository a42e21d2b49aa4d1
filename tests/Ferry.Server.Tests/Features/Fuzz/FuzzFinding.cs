using System.Globalization;
using System.Text;

namespace Ferry.Server.Tests.Features.Fuzz;

/// <summary>An answer that broke a rule: what was sent where, what came back, and which rule it broke.</summary>
public sealed record FuzzFinding(string Endpoint, string Payload, string Status, string Cause, string Excerpt)
{
    const int ExamplesPerGroup = 3;

    public override string ToString() => $"[{Payload}] -> {Status} | {Excerpt}";

    /// <summary>
    /// The findings grouped by the rule they broke and then by endpoint, server errors first, each group with its count
    /// and its first few requests and answers.
    /// </summary>
    public static string Report(IReadOnlyList<FuzzFinding> findings, int requests)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{findings.Count} of {requests} answers broke a rule.");
        var causes = findings.GroupBy(f => f.Cause).OrderBy(g => Rank(g.Key)).ThenByDescending(g => g.Count()).ToList();
        foreach (var cause in causes)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{cause.Count(),5} x {cause.Key}");
        }
        foreach (var cause in causes)
        {
            report.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"== {cause.Key} ({cause.Count()})");
            foreach (var endpoint in cause.GroupBy(f => f.Endpoint).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  {endpoint.Key} ({endpoint.Count()})");
                foreach (var finding in endpoint.Take(ExamplesPerGroup))
                {
                    report.Append("    ").AppendLine(finding.ToString());
                }
            }
        }
        return report.ToString();
    }

    /// <summary>Server errors and lost answers first, then what was accepted but must not be, then 4xx answers of the wrong shape.</summary>
    static int Rank(string cause) => cause.StartsWith('4') ? 2 : cause.StartsWith('5') || cause.StartsWith("no answer", StringComparison.Ordinal)
        || cause.StartsWith("the request failed", StringComparison.Ordinal) ? 0 : 1;
}
