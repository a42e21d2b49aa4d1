using System.Text;
using Ferry.Sources.Csv;
using Ferry.Testing;

namespace Ferry.Sources.Tests.Csv;

/// <summary>Single-byte code pages: Cyrillic and Greek text is told from Western text by how its letters stand together.</summary>
public sealed class CodePageTests : IDisposable
{
    readonly TempFolder _folder = new();

    static CodePageTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => _folder.Dispose();

    (string Encoding, List<string[]> Rows) Read(string text, int codePage)
    {
        using var reader = CsvTable.Open(_folder.File(Encoding.GetEncoding(codePage).GetBytes(text), $"cp{codePage}-{text.Length}.csv"));
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.Columns.Count).Select(i => reader.GetValue(i) ?? "")]);
        }
        return (((CsvRowSource)reader.Source).EncodingName, rows);
    }

    [Fact]
    public void A_Cyrillic_file_in_Windows_1251_reads_as_its_letters()
    {
        var (encoding, rows) = Read("Name,City\nОАО Газпром,Москва\nИванов и партнёры,Санкт-Петербург\n", 1251);

        Assert.Equal("windows-1251", encoding);
        Assert.Equal(["ОАО Газпром", "Москва"], rows[0]);
        Assert.Equal(["Иванов и партнёры", "Санкт-Петербург"], rows[1]);
    }

    [Fact]
    public void A_Greek_file_in_Windows_1253_reads_as_its_letters()
    {
        var (encoding, rows) = Read("Name,City\nΕμπορική Αθηνών,Αθήνα\nΠαπαδόπουλος και Υιοί,Θεσσαλονίκη\n", 1253);

        Assert.Equal("windows-1253", encoding);
        Assert.Equal(["Εμπορική Αθηνών", "Αθήνα"], rows[0]);
        Assert.Equal(["Παπαδόπουλος και Υιοί", "Θεσσαλονίκη"], rows[1]);
    }

    [Fact]
    public void Western_names_with_accents_next_to_each_other_stay_Windows_1252()
    {
        var (encoding, rows) = Read("Name,City\nInformação Ltda,São Paulo\nGröße & Müller,Köln\nHélène Ñoño,Málaga\n", 1252);

        Assert.Equal("windows-1252", encoding);
        Assert.Equal(["Informação Ltda", "São Paulo"], rows[0]);
        Assert.Equal(["Größe & Müller", "Köln"], rows[1]);
    }
}
