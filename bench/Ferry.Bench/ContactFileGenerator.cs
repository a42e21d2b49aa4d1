using System.Globalization;
using System.Text;

namespace Ferry.Bench;

/// <summary>Writes N realistic, unique Indian business contacts as CSV, the same file for the same N and seed.</summary>
static class ContactFileGenerator
{
    static readonly string[] Cities = ["Mumbai", "Pune", "Chennai", "Bengaluru", "Hyderabad", "Kolkata", "Ahmedabad", "Jaipur", "Lucknow", "Kochi"];
    static readonly string[] States = ["Maharashtra", "Maharashtra", "Tamil Nadu", "Karnataka", "Telangana", "West Bengal", "Gujarat", "Rajasthan", "Uttar Pradesh", "Kerala"];
    static readonly string[] StateCodes = ["27", "27", "33", "29", "36", "19", "24", "08", "09", "32"];
    static readonly string[] Words = ["Shree", "Ganesh", "Laxmi", "Bharat", "Sai", "Om", "Krishna", "Royal", "Star", "National", "Metro", "Galaxy"];
    static readonly string[] Kinds = ["Traders", "Enterprises", "Industries", "Agencies", "Stores", "Textiles", "Steels", "Pharma"];
    const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static void Write(string path, int rows, int seed = 42)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("Customer Name,Contact Type,E-mail,Phone,GSTIN,PAN,Address,City,State,PIN Code,Opening Balance,Credit Limit\n");
        var line = new StringBuilder(256);
        for (var i = 1; i <= rows; i++)
        {
            var c = random.Next(Cities.Length);
            var name = $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {Kinds[random.Next(Kinds.Length)]} {i.ToString(CultureInfo.InvariantCulture)}";
            var pan = Pan(random);
            var gstin = random.Next(4) == 0 ? "" : Gstin(StateCodes[c], pan);
            var balance = random.Next(3) switch
            {
                0 => "0",
                1 => (random.Next(1, 5_000_000) / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture) + " Dr",
                _ => (random.Next(1, 5_000_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture),
            };
            line.Clear()
                .Append(name).Append(',')
                .Append(random.Next(5) == 0 ? "Vendor" : "Customer").Append(',')
                .Append("accounts").Append(i.ToString(CultureInfo.InvariantCulture)).Append("@example.in,")
                .Append('9').Append(random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(gstin).Append(',')
                .Append(pan).Append(',')
                .Append('"').Append(random.Next(1, 400).ToString(CultureInfo.InvariantCulture)).Append(", MG Road\",")
                .Append(Cities[c]).Append(',')
                .Append(States[c]).Append(',')
                .Append(random.Next(110_001, 855_999).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append('"').Append(balance).Append("\",")
                .Append((random.Next(0, 100) * 10_000).ToString(CultureInfo.InvariantCulture)).Append('\n');
            writer.Write(line);
        }
    }

    static string Pan(Random random)
    {
        Span<char> pan = stackalloc char[10];
        for (var i = 0; i < 5; i++)
        {
            pan[i] = (char)('A' + random.Next(26));
        }
        pan[3] = 'C';
        for (var i = 5; i < 9; i++)
        {
            pan[i] = (char)('0' + random.Next(10));
        }
        pan[9] = (char)('A' + random.Next(26));
        return new string(pan);
    }

    static string Gstin(string stateCode, string pan)
    {
        var first14 = stateCode + pan + "1Z";
        var sum = 0;
        for (var i = 0; i < 14; i++)
        {
            var product = Alphabet.IndexOf(first14[i], StringComparison.Ordinal) * (i % 2 == 0 ? 1 : 2);
            sum += product / 36 + product % 36;
        }
        return first14 + Alphabet[(36 - sum % 36) % 36];
    }
}
