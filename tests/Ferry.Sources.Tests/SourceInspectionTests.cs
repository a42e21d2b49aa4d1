using System.Globalization;
using System.Text;
using Ferry.Core;
using Ferry.Core.Sources;
using Ferry.Testing;

namespace Ferry.Sources.Tests;

[UseCulture("de-DE")]
public sealed class SourceInspectionTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    FileInspection Inspect(byte[] bytes, int previewRows = 5) => new SourceOpener().Inspect(_folder.File(bytes), new InspectOptions(previewRows));

    [Fact]
    public void Inspection_reports_format_encoding_delimiter_columns_and_row_count()
    {
        var inspection = Inspect(Bytes.Ascii("Customer Name,City,GSTIN\nAcme,Pune,27AAPFU0939F1ZV\nBeta,Mumbai,\nGamma,,\n"));

        Assert.Equal("csv", inspection.Format);
        Assert.Equal("utf-8", inspection.Encoding);
        Assert.Equal(",", inspection.Delimiter);
        Assert.Equal(["Customer Name", "City", "GSTIN"], inspection.Tables[0].Columns);
        Assert.Equal(3, inspection.Tables[0].RowCount);
    }

    [Fact]
    public void The_preview_holds_only_the_first_rows_by_column_name()
    {
        var inspection = Inspect(Bytes.Ascii("Name,City\nAcme,Pune\nBeta,\nGamma,Nagpur\n"), previewRows: 2);

        Assert.Equal(2, inspection.Tables[0].Preview.Count);
        Assert.Equal("Pune", inspection.Tables[0].Preview[0]["City"]);
        Assert.Null(inspection.Tables[0].Preview[1]["City"]);
        Assert.Equal(3, inspection.Tables[0].RowCount);
    }

    [Fact]
    public void Column_profiles_give_the_fill_rate_and_distinct_samples()
    {
        var inspection = Inspect(Bytes.Ascii("Name,City,Notes\nAcme,Pune,\nBeta,Pune,\nGamma,Mumbai,\nDelta,,  \n"));

        var city = inspection.Tables[0].ColumnProfiles[1];
        Assert.Equal("City", city.Name);
        Assert.Equal(0.75, city.FillRate);
        Assert.Equal(["Pune", "Mumbai"], city.SampleValues);
        Assert.Equal(0.0, inspection.Tables[0].ColumnProfiles[2].FillRate);
        Assert.Empty(inspection.Tables[0].ColumnProfiles[2].SampleValues);
    }

    [Fact]
    public void Samples_per_column_are_bounded_while_every_row_is_counted()
    {
        var text = new StringBuilder("Code\n");
        for (var i = 1; i <= 5000; i++)
        {
            text.Append("SKU-").Append(i.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        var inspection = Inspect(Bytes.Ascii(text.ToString()));

        Assert.Equal(5000, inspection.Tables[0].RowCount);
        Assert.Equal(20, inspection.Tables[0].ColumnProfiles[0].SampleValues.Count);
        Assert.Equal(1.0, inspection.Tables[0].ColumnProfiles[0].FillRate);
    }

    [Theory]
    [InlineData("Name;City\nAcme;Pune\n", ";")]
    [InlineData("Name\tCity\nAcme\tPune\n", "\\t")]
    [InlineData("Name|City\nAcme|Pune\n", "|")]
    public void The_delimiter_is_reported_by_a_printable_name(string text, string name) =>
        Assert.Equal(name, Inspect(Bytes.Ascii(text)).Delimiter);

    [Fact]
    public void The_encoding_of_a_UTF16_export_is_reported() =>
        Assert.Equal("utf-16le", Inspect(Bytes.Concat(Bytes.Utf16LeBom, Bytes.Utf16Le("Name,City\r\nAcme,Pune\r\n"))).Encoding);

    [Fact]
    public void The_encoding_of_a_Windows_1252_export_is_reported()
    {
        var inspection = Inspect(Bytes.Concat(Bytes.Ascii("Name\n"), [(byte)'C', (byte)'a', (byte)'f', 0xE9, (byte)'\n']));

        Assert.Equal("windows-1252", inspection.Encoding);
        Assert.Equal("Café", inspection.Tables[0].Preview[0]["Name"]);
    }

    [Fact]
    public void A_file_with_a_header_and_no_rows_cannot_be_imported()
    {
        var error = Assert.Throws<SourceFormatException>(() => Inspect(Bytes.Ascii("Name,City\n\n\n")));

        Assert.Equal(ErrorCodes.InvalidFileFormat, error.ErrorCode);
        Assert.Contains("no data rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspection_reads_to_the_end_so_a_broken_row_deep_in_the_file_is_found_before_import()
    {
        var file = Bytes.Concat(Bytes.Ascii("Name,Email\n"), Bytes.AsciiRows(100 * 1024), Bytes.Ascii("Late,late@example.in,surprise\n"));

        var error = Assert.Throws<SourceFormatException>(() => Inspect(file));

        Assert.Contains("has 3 fields but the header has 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspection_refuses_a_spreadsheet_uploaded_instead_of_a_CSV() =>
        Assert.Contains("Excel workbook", Assert.Throws<SourceFormatException>(() => Inspect([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])).Message, StringComparison.Ordinal);

    [Fact]
    public void The_opener_reads_the_same_rows_the_inspection_counted()
    {
        var path = _folder.File(Bytes.Ascii("Name,City\r\nAcme,Pune\r\n\r\nBeta,Mumbai\r\n"));
        var opener = new SourceOpener();
        var inspection = opener.Inspect(path);

        using var reader = opener.Open(path);
        var rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        Assert.Equal(inspection.Tables[0].RowCount, rows);
        Assert.Equal(inspection.Tables[0].Columns, reader.Columns);
    }
}
