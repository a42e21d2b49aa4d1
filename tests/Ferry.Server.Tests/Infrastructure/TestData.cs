using System.Text;

namespace Ferry.Server.Tests.Infrastructure;

/// <summary>Unique names and valid Indian tax identifiers, so every test writes rows no other test touches.</summary>
public static class TestData
{
    const string GstinAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Eight upper-case characters that make a name unique to one test.</summary>
    public static string Tag() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public static string Pan()
    {
        var pan = new StringBuilder(10);
        for (var i = 0; i < 5; i++)
        {
            pan.Append((char)('A' + Random.Shared.Next(26)));
        }
        pan.Append(Random.Shared.Next(10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        pan.Append((char)('A' + Random.Shared.Next(26)));
        return pan.ToString();
    }

    /// <summary>A GSTIN with a correct check character, computed here with the published mod-36 algorithm.</summary>
    public static string Gstin(string stateCode, string? pan = null)
    {
        var first14 = $"{stateCode}{pan ?? Pan()}1Z";
        var sum = 0;
        for (var i = 0; i < 14; i++)
        {
            var product = GstinAlphabet.IndexOf(first14[i], StringComparison.Ordinal) * (i % 2 == 0 ? 1 : 2);
            sum += product / 36 + product % 36;
        }
        return first14 + GstinAlphabet[(36 - sum % 36) % 36];
    }

    /// <summary>CSV text from lines, with CRLF endings as spreadsheet exports write them.</summary>
    public static string Csv(params string[] lines) => string.Join("\r\n", lines) + "\r\n";
}
