using System.Globalization;
using System.Text;
using Ferry.Core.Rules;

namespace Ferry.Tests.Fixtures;

/// <summary>One line of a contacts export as an accountant's spreadsheet would have it.</summary>
public sealed record ContactLine(string? Name, string? Email, string? Gstin, string? Phone, string? City, string? OpeningBalance);

/// <summary>Builds contacts CSV files in code, so every odd row a test relies on is visible in the test.</summary>
public static class ContactsCsv
{
    public const string Header = "Customer Name,E-mail,GSTIN,Phone,City,Opening Balance";

    /// <summary>A well-formed contact, distinct for every <paramref name="n"/>.</summary>
    public static ContactLine Valid(int n, string city = "Pune") => new(
        Name(n),
        $"customer{n.ToString(CultureInfo.InvariantCulture)}@example.in",
        Gstin(n),
        "98" + (n % 100_000_000).ToString("D8", CultureInfo.InvariantCulture),
        city,
        (n * 10).ToString(CultureInfo.InvariantCulture) + ".50");

    public static string Name(int n) => "Customer " + n.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>A valid GSTIN (Maharashtra, state 27) whose embedded PAN encodes <paramref name="n"/>.</summary>
    public static string Gstin(int n)
    {
        var letters = new char[5];
        var rest = n;
        for (var i = 4; i >= 0; i--)
        {
            letters[i] = (char)('A' + rest % 26);
            rest /= 26;
        }
        var first14 = "27" + new string(letters) + (n % 10_000).ToString("D4", CultureInfo.InvariantCulture) + "F1Z";
        return first14 + IndianIdentifiers.GstinCheckDigit(first14);
    }

    /// <summary>A GSTIN with a wrong check character.</summary>
    public static string BadGstin(int n)
    {
        var good = Gstin(n);
        var wrong = good[14] == '0' ? '1' : '0';
        return good[..14] + wrong;
    }

    public static byte[] Build(IEnumerable<ContactLine> lines)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var line in lines)
        {
            text.AppendJoin(',', new[] { line.Name, line.Email, line.Gstin, line.Phone, line.City, line.OpeningBalance }.Select(Quote)).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] Build(int count) => Build(Enumerable.Range(1, count).Select(n => Valid(n)));

    static string Quote(string? value) => value is null
        ? ""
        : value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
