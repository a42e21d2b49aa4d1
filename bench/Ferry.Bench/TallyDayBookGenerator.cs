using System.Globalization;
using System.Text;

namespace Ferry.Bench;

/// <summary>
/// Writes a Tally export the way Tally does (UTF-16 LE with BOM, &amp;#4; before system values): the masters a day
/// book needs, then sales vouchers with an item line, GST and a bill reference until the file reaches its size.
/// </summary>
static class TallyDayBookGenerator
{
    public static long Write(string path, long bytes)
    {
        using var writer = new StreamWriter(path, false, new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        writer.Write("""
            <ENVELOPE>
             <HEADER><TALLYREQUEST>Import Data</TALLYREQUEST></HEADER>
             <BODY><IMPORTDATA>
              <REQUESTDESC><REPORTNAME>All Masters</REPORTNAME><STATICVARIABLES><SVCURRENTCOMPANY>Bench Traders - (from 1-Apr-24)</SVCURRENTCOMPANY></STATICVARIABLES></REQUESTDESC>
              <REQUESTDATA>

            """);
        string[] masters =
        [
            Ledger("Sales 18%", "Sales Accounts"), Ledger("Output CGST", "Duties &amp; Taxes"), Ledger("Output SGST", "Duties &amp; Taxes"),
            """<UNIT NAME="Nos" RESERVEDNAME=""><NAME>Nos</NAME><ISSIMPLEUNIT>Yes</ISSIMPLEUNIT><DECIMALPLACES>0</DECIMALPLACES></UNIT>""",
            """<GODOWN NAME="Main Location" RESERVEDNAME=""><NAME>Main Location</NAME></GODOWN>""",
        ];
        foreach (var master in masters)
        {
            writer.Write($"   <TALLYMESSAGE xmlns:UDF=\"TallyUDF\">{master}</TALLYMESSAGE>\n");
        }
        for (var i = 0; i < 500; i++)
        {
            writer.Write($"   <TALLYMESSAGE xmlns:UDF=\"TallyUDF\">{Ledger($"Customer {i:D4}", "Sundry Debtors")}</TALLYMESSAGE>\n");
            writer.Write($"   <TALLYMESSAGE xmlns:UDF=\"TallyUDF\"><STOCKITEM NAME=\"Item {i:D4}\" RESERVEDNAME=\"\"><NAME>Item {i:D4}</NAME><BASEUNITS>Nos</BASEUNITS></STOCKITEM></TALLYMESSAGE>\n");
        }
        long vouchers = 0;
        var start = new DateOnly(2024, 4, 1);
        while (writer.BaseStream.Position < bytes)
        {
            vouchers++;
            var customer = $"Customer {vouchers % 500:D4}";
            var item = $"Item {vouchers % 500:D4}";
            var quantity = 1 + vouchers % 20;
            var rate = 100m + vouchers % 900;
            var amount = quantity * rate;
            var tax = Math.Round(amount * 0.09m, 2);
            var total = amount + 2 * tax;
            var date = start.AddDays((int)(vouchers % 365)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"""
                   <TALLYMESSAGE xmlns:UDF="TallyUDF">
                    <VOUCHER REMOTEID="bench-{vouchers}" VCHTYPE="Sales" ACTION="Create" OBJVIEW="Invoice Voucher View">
                     <DATE>{date}</DATE>
                     <GUID>bench-guid-{vouchers}</GUID>
                     <NARRATION>Invoice {vouchers} for {customer}</NARRATION>
                     <VCHGSTCLASS>&#4; Not Applicable</VCHGSTCLASS>
                     <VOUCHERTYPENAME>Sales</VOUCHERTYPENAME>
                     <PARTYLEDGERNAME>{customer}</PARTYLEDGERNAME>
                     <VOUCHERNUMBER>INV-{vouchers}</VOUCHERNUMBER>
                     <ISINVOICE>Yes</ISINVOICE>
                     <ALLINVENTORYENTRIES.LIST>
                      <STOCKITEMNAME>{item}</STOCKITEMNAME>
                      <ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE>
                      <RATE>{rate:0.00}/Nos</RATE>
                      <AMOUNT>{amount:0.00}</AMOUNT>
                      <ACTUALQTY> {quantity} Nos</ACTUALQTY>
                      <BILLEDQTY> {quantity} Nos</BILLEDQTY>
                      <BATCHALLOCATIONS.LIST>
                       <GODOWNNAME>Main Location</GODOWNNAME>
                       <BATCHNAME>Primary Batch</BATCHNAME>
                       <AMOUNT>{amount:0.00}</AMOUNT>
                       <ACTUALQTY> {quantity} Nos</ACTUALQTY>
                      </BATCHALLOCATIONS.LIST>
                      <ACCOUNTINGALLOCATIONS.LIST>
                       <LEDGERNAME>Sales 18%</LEDGERNAME>
                       <ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE>
                       <AMOUNT>{amount:0.00}</AMOUNT>
                      </ACCOUNTINGALLOCATIONS.LIST>
                     </ALLINVENTORYENTRIES.LIST>
                     <LEDGERENTRIES.LIST>
                      <LEDGERNAME>{customer}</LEDGERNAME>
                      <ISDEEMEDPOSITIVE>Yes</ISDEEMEDPOSITIVE>
                      <ISPARTYLEDGER>Yes</ISPARTYLEDGER>
                      <AMOUNT>-{total:0.00}</AMOUNT>
                      <BILLALLOCATIONS.LIST>
                       <NAME>INV-{vouchers}</NAME>
                       <BILLTYPE>New Ref</BILLTYPE>
                       <AMOUNT>-{total:0.00}</AMOUNT>
                      </BILLALLOCATIONS.LIST>
                     </LEDGERENTRIES.LIST>
                     <LEDGERENTRIES.LIST><LEDGERNAME>Output CGST</LEDGERNAME><ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE><AMOUNT>{tax:0.00}</AMOUNT></LEDGERENTRIES.LIST>
                     <LEDGERENTRIES.LIST><LEDGERNAME>Output SGST</LEDGERNAME><ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE><AMOUNT>{tax:0.00}</AMOUNT></LEDGERENTRIES.LIST>
                    </VOUCHER>
                   </TALLYMESSAGE>

                """));
            if (vouchers % 1000 == 0)
            {
                writer.Flush();
            }
        }
        writer.Write("  </REQUESTDATA>\n </IMPORTDATA></BODY>\n</ENVELOPE>\n");
        return vouchers;
    }

    static string Ledger(string name, string parent) =>
        $"<LEDGER NAME=\"{name}\" RESERVEDNAME=\"\"><PARENT>{parent}</PARENT><NAME>{name}</NAME></LEDGER>";
}
