using System.Globalization;
using System.Text;

namespace Ferry.Tests.Fixtures;

public enum TallyFileEncoding
{
    Utf16LeBom,
    Utf16BeBom,
    Utf8Bom,
    Utf8,
}

/// <summary>
/// Writes native Tally "XML (Data Interchange)" exports the way Tally does: an ENVELOPE with SVCURRENTCOMPANY, one or
/// more objects per TALLYMESSAGE, <c>&amp;#4;</c> before system values, empty .LIST shells, and an optional COMPANY
/// footer. Object writers return XML text so a test can put anything, hostile or odd, in between.
/// </summary>
public sealed class TallyXmlBuilder
{
    /// <summary>What Tally writes before a system value such as "Not Applicable".</summary>
    public const string Sentinel = "&#4; ";

    readonly List<string[]> _messages = [];
    string _company = "Acme Traders Pvt Ltd - (from 1-Apr-24)";
    string _prolog = "";
    string? _footer;

    public TallyXmlBuilder Company(string name)
    {
        _company = name;
        return this;
    }

    /// <summary>Text before the ENVELOPE, e.g. a DOCTYPE.</summary>
    public TallyXmlBuilder Prolog(string text)
    {
        _prolog = text;
        return this;
    }

    /// <summary>One TALLYMESSAGE holding the objects in order.</summary>
    public TallyXmlBuilder Message(params string[] objects)
    {
        _messages.Add(objects);
        return this;
    }

    public TallyXmlBuilder Footer(string name, string state)
    {
        _footer = $"""
              <COMPANY>
               <REMOTECMPINFO.LIST MERGE="Yes">
                <NAME>0f0e0d0c-1111-2222-3333-444455556666</NAME>
                <REMOTECMPNAME>{Escape(name)}</REMOTECMPNAME>
                <REMOTECMPSTATE>{Escape(state)}</REMOTECMPSTATE>
               </REMOTECMPINFO.LIST>
              </COMPANY>
            """;
        return this;
    }

    public string Xml()
    {
        var xml = new StringBuilder();
        xml.Append(_prolog);
        xml.Append(CultureInfo.InvariantCulture, $"""
            <ENVELOPE>
             <HEADER>
              <TALLYREQUEST>Import Data</TALLYREQUEST>
             </HEADER>
             <BODY>
              <IMPORTDATA>
               <REQUESTDESC>
                <REPORTNAME>All Masters</REPORTNAME>
                <STATICVARIABLES>
                 <SVCURRENTCOMPANY>{Escape(_company)}</SVCURRENTCOMPANY>
                </STATICVARIABLES>
               </REQUESTDESC>
               <REQUESTDATA>

            """);
        foreach (var message in _messages.Concat(_footer is null ? [] : [[_footer]]))
        {
            xml.Append("    <TALLYMESSAGE xmlns:UDF=\"TallyUDF\">\r\n");
            foreach (var item in message)
            {
                xml.Append(item).Append("\r\n");
            }
            xml.Append("    </TALLYMESSAGE>\r\n");
        }
        xml.Append("""
               </REQUESTDATA>
              </IMPORTDATA>
             </BODY>
            </ENVELOPE>

            """);
        return xml.ToString().ReplaceLineEndings("\r\n");
    }

    public byte[] Bytes(TallyFileEncoding encoding) => Encode(Xml(), encoding);

    public static byte[] Encode(string text, TallyFileEncoding encoding)
    {
        var (coder, preamble) = encoding switch
        {
            TallyFileEncoding.Utf16LeBom => ((Encoding)new UnicodeEncoding(false, false), new byte[] { 0xFF, 0xFE }),
            TallyFileEncoding.Utf16BeBom => (new UnicodeEncoding(true, false), [0xFE, 0xFF]),
            TallyFileEncoding.Utf8Bom => (new UTF8Encoding(false), [0xEF, 0xBB, 0xBF]),
            _ => (new UTF8Encoding(false), []),
        };
        return [.. preamble, .. coder.GetBytes(text)];
    }

    public string Save(string folder, TallyFileEncoding encoding = TallyFileEncoding.Utf16LeBom, string name = "tally.xml")
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, Bytes(encoding));
        return path;
    }

    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("'", "&apos;", StringComparison.Ordinal);

    static string YesNo(bool value) => value ? "Yes" : "No";

    static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A GROUP; a primary group has <c>&lt;PARENT/&gt;</c>, a renamed built-in one keeps its RESERVEDNAME.</summary>
    public static string Group(string name, string? parent, bool revenue, bool deemedPositive, bool affectsGrossProfit = false, string reserved = "") => $"""
             <GROUP NAME="{Escape(name)}" RESERVEDNAME="{Escape(reserved)}">
              <GUID>{Guid(name)}</GUID>
              {(parent is null ? "<PARENT/>" : $"<PARENT>{Escape(parent)}</PARENT>")}
              <GRPDEBITPARENT/>
              <ISBILLWISEON>No</ISBILLWISEON>
              <ISREVENUE>{YesNo(revenue)}</ISREVENUE>
              <ISDEEMEDPOSITIVE>{YesNo(deemedPositive)}</ISDEEMEDPOSITIVE>
              <AFFECTSGROSSPROFIT>{YesNo(affectsGrossProfit)}</AFFECTSGROSSPROFIT>
              <LANGUAGENAME.LIST>
               <NAME.LIST TYPE="String"><NAME>{Escape(name)}</NAME></NAME.LIST>
              </LANGUAGENAME.LIST>
             </GROUP>
        """;

    /// <summary>A ledger with no party details; opening negative = debit.</summary>
    public static string Ledger(string name, string parent, decimal? opening = null) => $"""
             <LEDGER NAME="{Escape(name)}" RESERVEDNAME="">
              <GUID>{Guid(name)}</GUID>
              <PARENT>{Escape(parent)}</PARENT>
              <GSTAPPLICABLE>{Sentinel}Applicable</GSTAPPLICABLE>
              <TAXCLASSIFICATIONNAME>{Sentinel}Not Applicable</TAXCLASSIFICATIONNAME>
              {(opening is { } o ? $"<OPENINGBALANCE>{Money(o)}</OPENINGBALANCE>" : "")}
              <BILLALLOCATIONS.LIST>      </BILLALLOCATIONS.LIST>
             </LEDGER>
        """;

    /// <summary>A party in the older shape: address, state, GSTIN and contacts as flat tags on LEDGER.</summary>
    public static string FlatPartyLedger(string name, string parent, TallyPartyFixture party, decimal? opening = null, params string[] bills) => $"""
             <LEDGER NAME="{Escape(name)}" RESERVEDNAME="">
              <ADDRESS.LIST TYPE="String">
               {string.Concat(party.Address.Select(a => $"<ADDRESS>{Escape(a)}</ADDRESS>"))}
              </ADDRESS.LIST>
              <MAILINGNAME.LIST TYPE="String"><MAILINGNAME>{Escape(party.MailingName)}</MAILINGNAME></MAILINGNAME.LIST>
              <GUID>{Guid(name)}</GUID>
              <PARENT>{Escape(parent)}</PARENT>
              <COUNTRYNAME>{party.Country}</COUNTRYNAME>
              <LEDSTATENAME>{party.State}</LEDSTATENAME>
              <PINCODE>{party.Pincode}</PINCODE>
              <PARTYGSTIN>{party.Gstin}</PARTYGSTIN>
              <GSTREGISTRATIONTYPE>{party.RegistrationType}</GSTREGISTRATIONTYPE>
              <INCOMETAXNUMBER>{party.Pan}</INCOMETAXNUMBER>
              <LEDGERPHONE>{party.Phone}</LEDGERPHONE>
              <LEDGERMOBILE>{party.Mobile}</LEDGERMOBILE>
              <EMAIL>{party.Email}</EMAIL>
              <ISBILLWISEON>Yes</ISBILLWISEON>
              {(opening is { } o ? $"<OPENINGBALANCE>{Money(o)}</OPENINGBALANCE>" : "")}
              {(bills.Length == 0 ? "<BILLALLOCATIONS.LIST>      </BILLALLOCATIONS.LIST>" : string.Concat(bills))}
             </LEDGER>
        """;

    /// <summary>
    /// A party in the newer TallyPrime shape: dated LEDMAILINGDETAILS/LEDGSTREGDETAILS lists (an older, superseded
    /// entry written after the current one) and CONTACTDETAILS; only the phone and e-mail stay flat.
    /// </summary>
    public static string NestedPartyLedger(string name, string parent, TallyPartyFixture party, decimal? opening = null) => $"""
             <LEDGER NAME="{Escape(name)}" RESERVEDNAME="">
              <GUID>{Guid(name)}</GUID>
              <PARENT>{Escape(parent)}</PARENT>
              <INCOMETAXNUMBER>{party.Pan}</INCOMETAXNUMBER>
              <COUNTRYOFRESIDENCE>{party.Country}</COUNTRYOFRESIDENCE>
              <LEDGERPHONE>{party.Phone}</LEDGERPHONE>
              <EMAIL>{party.Email}</EMAIL>
              {(opening is { } o ? $"<OPENINGBALANCE>{Money(o)}</OPENINGBALANCE>" : "")}
              <LEDGSTREGDETAILS.LIST>
               <APPLICABLEFROM>20240401</APPLICABLEFROM>
               <GSTREGISTRATIONTYPE>{party.RegistrationType}</GSTREGISTRATIONTYPE>
               <PLACEOFSUPPLY>{party.State}</PLACEOFSUPPLY>
               <GSTIN>{party.Gstin}</GSTIN>
              </LEDGSTREGDETAILS.LIST>
              <LEDGSTREGDETAILS.LIST>
               <APPLICABLEFROM>20170701</APPLICABLEFROM>
               <GSTREGISTRATIONTYPE>Unregistered/Consumer</GSTREGISTRATIONTYPE>
               <GSTIN/>
              </LEDGSTREGDETAILS.LIST>
              <LEDMAILINGDETAILS.LIST>
               <ADDRESS.LIST TYPE="String">
                {string.Concat(party.Address.Select(a => $"<ADDRESS>{Escape(a)}</ADDRESS>"))}
               </ADDRESS.LIST>
               <APPLICABLEFROM>20240401</APPLICABLEFROM>
               <PINCODE>{party.Pincode}</PINCODE>
               <MAILINGNAME>{Escape(party.MailingName)}</MAILINGNAME>
               <STATE>{party.State}</STATE>
               <COUNTRY>{party.Country}</COUNTRY>
              </LEDMAILINGDETAILS.LIST>
              <LEDMAILINGDETAILS.LIST>
               <ADDRESS.LIST TYPE="String"><ADDRESS>Old premises</ADDRESS></ADDRESS.LIST>
               <APPLICABLEFROM>20190401</APPLICABLEFROM>
               <PINCODE>110001</PINCODE>
               <STATE>Delhi</STATE>
              </LEDMAILINGDETAILS.LIST>
              <CONTACTDETAILS.LIST>
               <NAME>Primary Mobile No.</NAME>
               <PHONENUMBER>{party.Mobile}</PHONENUMBER>
               <COUNTRYISDCODE>+91</COUNTRYISDCODE>
               <ISDEFAULTWHATSAPPNUM>Yes</ISDEFAULTWHATSAPPNUM>
              </CONTACTDETAILS.LIST>
              <BILLALLOCATIONS.LIST>      </BILLALLOCATIONS.LIST>
             </LEDGER>
        """;

    /// <summary>A bill-wise opening under a LEDGER; negative = debit.</summary>
    public static string OpeningBill(string name, string date, decimal opening) => $"""
              <BILLALLOCATIONS.LIST>
               <BILLDATE>{date}</BILLDATE>
               <NAME>{Escape(name)}</NAME>
               <ISADVANCE>No</ISADVANCE>
               <OPENINGBALANCE>{Money(opening)}</OPENINGBALANCE>
              </BILLALLOCATIONS.LIST>
        """;

    public static string Unit(string name, string originalName) => $"""
             <UNIT NAME="{Escape(name)}" RESERVEDNAME="">
              <NAME>{Escape(name)}</NAME>
              <GUID>{Guid(name)}</GUID>
              <ORIGINALNAME>{Escape(originalName)}</ORIGINALNAME>
              <ISSIMPLEUNIT>Yes</ISSIMPLEUNIT>
              <DECIMALPLACES> 2</DECIMALPLACES>
             </UNIT>
        """;

    public static string CompoundUnit(string name, string baseUnits, string additionalUnits, decimal conversion) => $"""
             <UNIT NAME="{Escape(name)}" RESERVEDNAME="">
              <NAME>{Escape(name)}</NAME>
              <GUID>{Guid(name)}</GUID>
              <ISSIMPLEUNIT>No</ISSIMPLEUNIT>
              <BASEUNITS>{Escape(baseUnits)}</BASEUNITS>
              <ADDITIONALUNITS>{Escape(additionalUnits)}</ADDITIONALUNITS>
              <CONVERSION> {conversion.ToString(CultureInfo.InvariantCulture)}</CONVERSION>
             </UNIT>
        """;

    public static string Godown(string name) => $"""
             <GODOWN NAME="{Escape(name)}" RESERVEDNAME="">
              <GUID>{Guid(name)}</GUID>
              <PARENT/>
             </GODOWN>
        """;

    public static string StockGroup(string name) => $"""
             <STOCKGROUP NAME="{Escape(name)}" RESERVEDNAME="">
              <GUID>{Guid(name)}</GUID>
              <PARENT/>
              <BASEUNITS>{Sentinel}Not Applicable</BASEUNITS>
             </STOCKGROUP>
        """;

    public static string StockCategory(string name) => $"""
             <STOCKCATEGORY NAME="{Escape(name)}" RESERVEDNAME="">
              <GUID>{Guid(name)}</GUID>
              <PARENT/>
             </STOCKCATEGORY>
        """;

    /// <summary>A stock item with HSN, CGST/SGST/IGST/Cess rates, and an opening of "quantity unit" and negative (debit) value.</summary>
    public static string StockItem(string name, string? parent, string unit, string hsn, decimal igst, decimal quantity, decimal rate, params string[] batches) => $"""
             <STOCKITEM NAME="{Escape(name)}" RESERVEDNAME="">
              <GUID>{Guid(name)}</GUID>
              {(parent is null ? "" : $"<PARENT>{Escape(parent)}</PARENT>")}
              <CATEGORY>{Sentinel}Not Applicable</CATEGORY>
              <GSTAPPLICABLE>{Sentinel}Applicable</GSTAPPLICABLE>
              <BASEUNITS>{Escape(unit)}</BASEUNITS>
              <ADDITIONALUNITS>{Sentinel}Not Applicable</ADDITIONALUNITS>
              <OPENINGBALANCE> {quantity.ToString(CultureInfo.InvariantCulture)} {Escape(unit)}</OPENINGBALANCE>
              <OPENINGVALUE>{Money(-quantity * rate)}</OPENINGVALUE>
              <OPENINGRATE>{Money(rate)}/{Escape(unit)}</OPENINGRATE>
              <GSTDETAILS.LIST>
               <APPLICABLEFROM>20230401</APPLICABLEFROM>
               <TAXABILITY>Taxable</TAXABILITY>
               <STATEWISEDETAILS.LIST>
                <STATENAME>{Sentinel}Any</STATENAME>
                <RATEDETAILS.LIST><GSTRATEDUTYHEAD>CGST</GSTRATEDUTYHEAD><GSTRATE> {(igst / 2).ToString(CultureInfo.InvariantCulture)}</GSTRATE></RATEDETAILS.LIST>
                <RATEDETAILS.LIST><GSTRATEDUTYHEAD>SGST/UTGST</GSTRATEDUTYHEAD><GSTRATE> {(igst / 2).ToString(CultureInfo.InvariantCulture)}</GSTRATE></RATEDETAILS.LIST>
                <RATEDETAILS.LIST><GSTRATEDUTYHEAD>IGST</GSTRATEDUTYHEAD><GSTRATE> {igst.ToString(CultureInfo.InvariantCulture)}</GSTRATE></RATEDETAILS.LIST>
                <RATEDETAILS.LIST><GSTRATEDUTYHEAD>Cess</GSTRATEDUTYHEAD><GSTRATE> 12</GSTRATE></RATEDETAILS.LIST>
               </STATEWISEDETAILS.LIST>
              </GSTDETAILS.LIST>
              <HSNDETAILS.LIST>
               <APPLICABLEFROM>20230401</APPLICABLEFROM>
               <HSNCODE>{hsn}</HSNCODE>
              </HSNDETAILS.LIST>
              {string.Concat(batches)}
             </STOCKITEM>
        """;

    public static string OpeningBatch(string godown, string batch, decimal quantity, string unit, decimal rate) => $"""
              <BATCHALLOCATIONS.LIST>
               <GODOWNNAME>{Escape(godown)}</GODOWNNAME>
               <BATCHNAME>{Escape(batch)}</BATCHNAME>
               <OPENINGBALANCE> {quantity.ToString(CultureInfo.InvariantCulture)} {Escape(unit)}</OPENINGBALANCE>
               <OPENINGVALUE>{Money(-quantity * rate)}</OPENINGVALUE>
               <OPENINGRATE>{Money(rate)}/{Escape(unit)}</OPENINGRATE>
              </BATCHALLOCATIONS.LIST>
        """;

    /// <summary>A VOUCHERTYPE; built-in ones have PARENT = themselves and RESERVEDNAME set.</summary>
    public static string VoucherType(string name, string parent, string reserved = "") => $"""
             <VOUCHERTYPE NAME="{Escape(name)}" RESERVEDNAME="{Escape(reserved)}">
              <GUID>{Guid(name)}</GUID>
              <PARENT>{Escape(parent)}</PARENT>
              <EFFECTIVEDATE>No</EFFECTIVEDATE>
             </VOUCHERTYPE>
        """;

    public static string BuiltInVoucherType(string name) => VoucherType(name, name, name);

    /// <summary>A voucher; its lines are <see cref="LedgerEntry"/>, <see cref="InventoryEntry"/> or any other XML text.</summary>
    public static string Voucher(
        string type, string number, string date, string party, string[] lines,
        bool cancelled = false, bool deleted = false, bool optional = false, bool invoice = false, string? narration = null) => $"""
             <VOUCHER REMOTEID="{Guid(type + number)}" VCHKEY="{Guid(type + number)}:00000008" VCHTYPE="{Escape(type)}" ACTION="Create" OBJVIEW="{(invoice ? "Invoice Voucher View" : "Accounting Voucher View")}">
              <DATE>{date}</DATE>
              <GUID>{Guid(type + number)}</GUID>
              <NARRATION>{Escape(narration ?? "")}</NARRATION>
              <VCHGSTCLASS>{Sentinel}Not Applicable</VCHGSTCLASS>
              <VOUCHERTYPENAME>{Escape(type)}</VOUCHERTYPENAME>
              <PARTYLEDGERNAME>{Escape(party)}</PARTYLEDGERNAME>
              <VOUCHERNUMBER>{Escape(number)}</VOUCHERNUMBER>
              <CLASSNAME>Default&#5;Voucher&#5;Class</CLASSNAME>
              <ISOPTIONAL>{YesNo(optional)}</ISOPTIONAL>
              <ISCANCELLED>{YesNo(cancelled)}</ISCANCELLED>
              <ISDELETED>{YesNo(deleted)}</ISDELETED>
              <ISINVOICE>{YesNo(invoice)}</ISINVOICE>
              {string.Concat(lines)}
             </VOUCHER>
        """;

    /// <summary>A ledger line; <paramref name="tag"/> is ALLLEDGERENTRIES.LIST (accounting view) or LEDGERENTRIES.LIST (invoice view).</summary>
    public static string LedgerEntry(string ledger, decimal amount, bool deemedPositive, string tag = "ALLLEDGERENTRIES.LIST", params string[] bills) => $"""
              <{tag}>
               <LEDGERNAME>{Escape(ledger)}</LEDGERNAME>
               <GSTCLASS>{Sentinel}Not Applicable</GSTCLASS>
               <ISDEEMEDPOSITIVE>{YesNo(deemedPositive)}</ISDEEMEDPOSITIVE>
               <AMOUNT>{Money(amount)}</AMOUNT>
               {(bills.Length == 0 ? "<BILLALLOCATIONS.LIST>      </BILLALLOCATIONS.LIST>" : string.Concat(bills))}
               <BANKALLOCATIONS.LIST>      </BANKALLOCATIONS.LIST>
              </{tag}>
        """;

    public static string Bill(string name, string billType, decimal amount) => $"""
               <BILLALLOCATIONS.LIST>
                <NAME>{Escape(name)}</NAME>
                <BILLTYPE>{billType}</BILLTYPE>
                <BILLCREDITPERIOD>30 Days</BILLCREDITPERIOD>
                <AMOUNT>{Money(amount)}</AMOUNT>
               </BILLALLOCATIONS.LIST>
        """;

    /// <summary>An item line: " 19 Number" quantities, "80.00/Number" rate, a godown/batch split and the ledger it posts to.</summary>
    public static string InventoryEntry(
        string item, decimal quantity, string unit, decimal rate, string godown, string batch, string salesLedger,
        bool deemedPositive = false, string tag = "ALLINVENTORYENTRIES.LIST")
    {
        var amount = (deemedPositive ? -1 : 1) * quantity * rate;
        var qty = $" {quantity.ToString(CultureInfo.InvariantCulture)} {Escape(unit)}";
        return $"""
              <{tag}>
               <STOCKITEMNAME>{Escape(item)}</STOCKITEMNAME>
               <ISDEEMEDPOSITIVE>{YesNo(deemedPositive)}</ISDEEMEDPOSITIVE>
               <RATE>{Money(rate)}/{Escape(unit)}</RATE>
               <AMOUNT>{Money(amount)}</AMOUNT>
               <ACTUALQTY>{qty}</ACTUALQTY>
               <BILLEDQTY>{qty}</BILLEDQTY>
               <BATCHALLOCATIONS.LIST>
                <GODOWNNAME>{Escape(godown)}</GODOWNNAME>
                <BATCHNAME>{Escape(batch)}</BATCHNAME>
                <AMOUNT>{Money(amount)}</AMOUNT>
                <ACTUALQTY>{qty}</ACTUALQTY>
               </BATCHALLOCATIONS.LIST>
               <ACCOUNTINGALLOCATIONS.LIST>
                <LEDGERNAME>{Escape(salesLedger)}</LEDGERNAME>
                <ISDEEMEDPOSITIVE>{YesNo(deemedPositive)}</ISDEEMEDPOSITIVE>
                <AMOUNT>{Money(amount)}</AMOUNT>
               </ACCOUNTINGALLOCATIONS.LIST>
              </{tag}>
        """;
    }

    public static string EmptyShell(string tag) => $"              <{tag}>      </{tag}>";

    static string Guid(string key) =>
        "0f0e0d0c-1111-2222-3333-444455556666-" + ((uint)key.Aggregate(17, (h, c) => unchecked(h * 31 + c))).ToString("x8", CultureInfo.InvariantCulture);
}

/// <summary>The details a party ledger carries in either shape.</summary>
public sealed record TallyPartyFixture(
    string MailingName,
    string[] Address,
    string State,
    string Pincode,
    string Country,
    string Gstin,
    string RegistrationType,
    string Pan,
    string Phone,
    string Mobile,
    string Email);
