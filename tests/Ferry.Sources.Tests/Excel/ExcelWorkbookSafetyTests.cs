using Ferry.Core;
using Ferry.Core.Sources;
using Ferry.Sources.Excel;
using Ferry.Tests.Fixtures;

namespace Ferry.Sources.Tests.Excel;

public sealed class ExcelWorkbookSafetyTests : IDisposable
{
    readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    string Save(XlsxBuilder workbook, string name = "upload.xlsx")
    {
        var path = Path.Combine(_folder.Path, name);
        workbook.Save(path);
        return path;
    }

    static XlsxBuilder Plain()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").Row(1, "Name", "City").Row(2, "Acme", "Pune");
        return workbook;
    }

    /// <summary>Every way into the file refuses it the same way: Identify, SheetNames and OpenSheet.</summary>
    static SourceFormatException RefusedEverywhere(string path)
    {
        var identify = Assert.Throws<SourceFormatException>(() => ExcelWorkbook.Identify(path));
        Assert.Equal(ErrorCodes.InvalidFileFormat, identify.ErrorCode);
        Assert.Equal(ErrorCodes.InvalidFileFormat, Assert.Throws<SourceFormatException>(() => ExcelWorkbook.SheetNames(path)).ErrorCode);
        Assert.Equal(ErrorCodes.InvalidFileFormat, Assert.Throws<SourceFormatException>(() => SheetRows.ReadAll(path, "Data")).ErrorCode);
        return identify;
    }

    static void Contains(string expected, Exception error) => Assert.Contains(expected, error.Message, StringComparison.Ordinal);

    [Fact]
    public void A_plain_workbook_is_an_xlsx_and_safe()
    {
        var path = Save(Plain());

        Assert.Equal("xlsx", ExcelWorkbook.Identify(path));
        ExcelWorkbook.EnsureSafe(path);
    }

    [Fact]
    public void A_gigabyte_of_zeros_is_refused_as_a_zip_bomb_without_inflating_it()
    {
        var path = Save(Plain().ZeroFilledPart("xl/media/image1.png", 1L << 30));

        var error = Assert.Throws<SourceFormatException>(() => ExcelWorkbook.EnsureSafe(path));

        Assert.Equal(ErrorCodes.InvalidFileFormat, error.ErrorCode);
        Contains("zip bomb", error);
        Contains("zip bomb", Assert.Throws<SourceFormatException>(() => ExcelWorkbook.OpenSheet(path, "Data")));
    }

    [Fact]
    public void A_workbook_past_the_total_decompressed_size_is_refused()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").GeneratedRows(20_000, i => [$"Customer {i}", i]);
        var path = Save(workbook);

        var error = Assert.Throws<SourceFormatException>(() => ExcelWorkbook.EnsureSafe(path, new WorkbookLimits { MaxUncompressedBytes = 256 * 1024 }));

        Contains("decompresses to more than", error);
    }

    [Fact]
    public void A_workbook_with_too_many_parts_is_refused()
    {
        var workbook = Plain();
        for (var i = 0; i < 20; i++)
        {
            workbook.Part($"xl/media/image{i}.png", [1, 2, 3]);
        }
        var path = Save(workbook);

        var error = Assert.Throws<SourceFormatException>(() => ExcelWorkbook.EnsureSafe(path, new WorkbookLimits { MaxEntries = 10 }));

        Contains("parts", error);
    }

    [Theory]
    [InlineData("xl/workbook.xml")]
    [InlineData("xl/worksheets/sheet1.xml")]
    [InlineData("[Content_Types].xml")]
    public void An_XML_part_that_declares_a_DTD_is_refused(string part)
    {
        var path = Save(Plain().DoctypeIn(part));

        Contains("DTD", Assert.Throws<SourceFormatException>(() => ExcelWorkbook.EnsureSafe(path)));
        Contains("DTD", Assert.Throws<SourceFormatException>(() => ExcelWorkbook.OpenSheet(path, "Data")));
    }

    [Fact]
    public void A_macro_enabled_workbook_is_refused_with_how_to_save_it_without_macros()
    {
        var error = RefusedEverywhere(Save(Plain().MacroEnabled(), "upload.xlsm"));

        Contains("macro-enabled", error);
        Contains("\"Excel Workbook (.xlsx)\"", error);
    }

    [Fact]
    public void A_macro_content_type_alone_or_a_VBA_project_alone_is_enough_to_refuse()
    {
        Contains("macro-enabled", RefusedEverywhere(Save(Plain().MacroEnabled(withVbaProject: false), "types.xlsx")));
        Contains("macro-enabled", RefusedEverywhere(Save(Plain().VbaProject(), "vba.xlsx")));
    }

    [Fact]
    public void A_binary_workbook_is_refused() =>
        Contains(".xlsb", RefusedEverywhere(Save(Plain().ContentType("application/vnd.ms-excel.sheet.binary.macroEnabled.main"))));

    [Fact]
    public void An_encrypted_xlsx_is_refused_as_password_protected()
    {
        var path = Path.Combine(_folder.Path, "secret.xlsx");
        LegacyFiles.Compound(path, ("EncryptionInfo", new byte[256]), ("EncryptedPackage", new byte[8192]));

        Contains("password", RefusedEverywhere(path));
    }

    [Fact]
    public void An_encrypted_xls_is_refused_as_password_protected()
    {
        var path = Path.Combine(_folder.Path, "secret.xls");
        LegacyFiles.Compound(path, ("Workbook", LegacyFiles.EncryptedWorkbookStream()));

        Contains("password", RefusedEverywhere(path));
    }

    [Fact]
    public void A_Word_document_in_a_ZIP_is_named_as_one()
    {
        var path = Path.Combine(_folder.Path, "letter.xlsx");
        XlsxBuilder.Zip(path,
            ("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""),
            ("word/document.xml", """<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>"""));

        Contains("a Word document (.docx)", RefusedEverywhere(path));
    }

    [Fact]
    public void An_OpenDocument_spreadsheet_is_named_as_one()
    {
        var path = Path.Combine(_folder.Path, "sheet.xlsx");
        XlsxBuilder.Zip(path, ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<office:document-content/>"));

        Contains("OpenDocument spreadsheet (.ods)", RefusedEverywhere(path));
    }

    [Fact]
    public void A_plain_ZIP_is_named_as_one()
    {
        var path = Path.Combine(_folder.Path, "export.zip");
        XlsxBuilder.Zip(path, ("customers.csv", "Name,City\nAcme,Pune\n"));

        Contains("ZIP archive", RefusedEverywhere(path));
    }

    [Fact]
    public void A_legacy_Word_document_is_named_as_one()
    {
        var path = Path.Combine(_folder.Path, "letter.xls");
        LegacyFiles.Compound(path, ("WordDocument", new byte[8192]));

        Contains("a Word document (.doc)", RefusedEverywhere(path));
    }

    [Fact]
    public void A_truncated_workbook_is_refused_as_damaged()
    {
        var bytes = File.ReadAllBytes(Save(Plain()));

        var error = RefusedEverywhere(_folder.File(bytes.AsSpan(0, bytes.Length / 2), "cut.xlsx"));

        Contains("damaged", error);
    }

    [Fact]
    public void A_workbook_with_a_damaged_part_is_refused_as_damaged()
    {
        var workbook = new XlsxBuilder();
        workbook.Sheet("Data").GeneratedRows(2_000, i => [$"Customer {i}", i]);
        var bytes = File.ReadAllBytes(Save(workbook));
        // The sheet is the first part written: overwrite the middle of its compressed data.
        bytes.AsSpan(bytes.Length / 4, 64).Fill(0xFF);
        var path = _folder.File(bytes, "garbled.xlsx");

        Contains("damaged", Assert.Throws<SourceFormatException>(() => ExcelWorkbook.EnsureSafe(path)));
        Assert.Equal(ErrorCodes.InvalidFileFormat, Assert.Throws<SourceFormatException>(() => SheetRows.ReadAll(path, "Data")).ErrorCode);
    }

    [Fact]
    public void A_sheet_whose_XML_breaks_off_is_refused_as_damaged()
    {
        var path = Path.Combine(_folder.Path, "broken.xlsx");
        XlsxBuilder.Zip(path,
            ("xl/workbook.xml", """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"""),
            ("xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""),
            ("xl/worksheets/sheet1.xml", """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row><row r="2"><c r="A2" t="inl"""));

        Assert.Equal(["Data"], ExcelWorkbook.SheetNames(path));
        var error = Assert.Throws<SourceFormatException>(() => SheetRows.ReadAll(path, "Data"));

        Assert.Equal(ErrorCodes.InvalidFileFormat, error.ErrorCode);
        Contains("damaged", error);
    }

    [Fact]
    public void Random_bytes_after_a_ZIP_signature_are_refused_as_damaged()
    {
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        "PK\u0003\u0004"u8.CopyTo(bytes);

        Contains("damaged", RefusedEverywhere(_folder.File(bytes, "noise.xlsx")));
    }

    [Fact]
    public void A_file_of_another_kind_is_named()
    {
        var path = _folder.File(Bytes.Concat(Bytes.Ascii("%PDF-1.7\n"), new byte[100]), "invoice.xlsx");

        Contains("a PDF document", RefusedEverywhere(path));
    }

    [Fact]
    public void A_CSV_is_not_a_workbook() =>
        Contains("not an Excel workbook", RefusedEverywhere(_folder.File(Bytes.Ascii("Name,City\nAcme,Pune\n"), "upload.xlsx")));

    [Fact]
    public void An_empty_file_is_refused() => Contains("empty", RefusedEverywhere(_folder.File([], "empty.xlsx")));
}
