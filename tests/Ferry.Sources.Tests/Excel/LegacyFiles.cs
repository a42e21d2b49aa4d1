using NPOI.HSSF.UserModel;
using NPOI.POIFS.FileSystem;
using NPOI.SS.Util;

namespace Ferry.Sources.Tests.Excel;

/// <summary>Legacy binary files (.xls and other OLE compound files), written with NPOI where a test needs one.</summary>
static class LegacyFiles
{
    /// <summary>
    /// "Customers": a header, a gap, rows with a number, a date and a zero-padded code, and a total row merged across
    /// A:B. "Items": one row.
    /// </summary>
    public static void TwoSheetWorkbook(string path)
    {
        var workbook = new HSSFWorkbook();
        var date = workbook.CreateCellStyle();
        date.DataFormat = HSSFDataFormat.GetBuiltinFormat("m/d/yy");
        var padded = workbook.CreateCellStyle();
        padded.DataFormat = workbook.CreateDataFormat().GetFormat("000000");

        var customers = workbook.CreateSheet("Customers");
        var header = customers.CreateRow(0);
        header.CreateCell(0).SetCellValue("Name");
        header.CreateCell(1).SetCellValue("Balance");
        header.CreateCell(2).SetCellValue("Joined");
        header.CreateCell(3).SetCellValue("PIN");
        var acme = customers.CreateRow(2);
        acme.CreateCell(0).SetCellValue("  Acme Traders ");
        acme.CreateCell(1).SetCellValue(1234.5);
        acme.CreateCell(2).SetCellValue(new DateTime(2024, 3, 31));
        acme.GetCell(2).CellStyle = date;
        acme.CreateCell(3).SetCellValue(40001);
        acme.GetCell(3).CellStyle = padded;
        var total = customers.CreateRow(3);
        total.CreateCell(0).SetCellValue("Total");
        customers.AddMergedRegion(new CellRangeAddress(3, 3, 0, 1));

        var items = workbook.CreateSheet("Items");
        items.CreateRow(0).CreateCell(0).SetCellValue("SKU-1");

        using var file = File.Create(path);
        workbook.Write(file);
    }

    /// <summary>
    /// "Data": a header (Name, Qty), one row of data, another on row 10,000, and the names merged from the first data
    /// row down to row 10,000.
    /// </summary>
    public static void MergedDownTenThousandRows(string path)
    {
        var workbook = new HSSFWorkbook();
        var sheet = workbook.CreateSheet("Data");
        var header = sheet.CreateRow(0);
        header.CreateCell(0).SetCellValue("Name");
        header.CreateCell(1).SetCellValue("Qty");
        var first = sheet.CreateRow(1);
        first.CreateCell(0).SetCellValue("Acme");
        first.CreateCell(1).SetCellValue(1);
        var last = sheet.CreateRow(9_999);
        last.CreateCell(0).SetCellValue("Zenith");
        last.CreateCell(1).SetCellValue(9);
        sheet.AddMergedRegion(new CellRangeAddress(1, 9_999, 0, 0));
        using var file = File.Create(path);
        workbook.Write(file);
    }

    /// <summary>"Data": a header (Name, Qty) with a stray value in the sheet's last column (IV), and one row of data.</summary>
    public static void StrayValueInTheLastColumn(string path)
    {
        var workbook = new HSSFWorkbook();
        var sheet = workbook.CreateSheet("Data");
        var header = sheet.CreateRow(0);
        header.CreateCell(0).SetCellValue("Name");
        header.CreateCell(1).SetCellValue("Qty");
        header.CreateCell(255).SetCellValue("x");
        var row = sheet.CreateRow(1);
        row.CreateCell(0).SetCellValue("Acme");
        row.CreateCell(1).SetCellValue(1);
        using var file = File.Create(path);
        workbook.Write(file);
    }

    /// <summary>An OLE compound file holding the given streams and nothing else.</summary>
    public static void Compound(string path, params (string Name, byte[] Content)[] streams)
    {
        var compound = new POIFSFileSystem();
        foreach (var (name, content) in streams)
        {
            compound.CreateDocument(new MemoryStream(content), name);
        }
        using var file = File.Create(path);
        compound.WriteFileSystem(file);
    }

    /// <summary>
    /// The start of an encrypted .xls workbook stream: a BIFF8 BOF record, then FILEPASS with XOR obfuscation whose
    /// password is not Excel's default.
    /// </summary>
    public static byte[] EncryptedWorkbookStream()
    {
        byte[] bof = [0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, 0xBB, 0x0D, 0xCC, 0x07, 0x00, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00];
        byte[] filePass = [0x2F, 0x00, 0x06, 0x00, 0x00, 0x00, 0x34, 0x12, 0x78, 0x56];
        var stream = new byte[4096];
        bof.CopyTo(stream, 0);
        filePass.CopyTo(stream, bof.Length);
        return stream;
    }
}
