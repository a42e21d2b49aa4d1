using System.Xml.Linq;
using Ferry.Core.Sources;
using static Ferry.Sources.Tally.TallyValues;

namespace Ferry.Sources.Tally;

/// <summary>Turns one TALLYMESSAGE child into its typed record.</summary>
static class TallyObjects
{
    public static TallyObject From(XElement element, int line)
    {
        try
        {
            return element.Name.LocalName switch
            {
                "GROUP" => Group(element),
                "LEDGER" => Ledger(element),
                "STOCKGROUP" => new TallyStockGroup(Name(element), Text(element, "PARENT"), Text(element, "GUID")),
                "STOCKCATEGORY" => new TallyStockCategory(Name(element), Text(element, "PARENT"), Text(element, "GUID")),
                "GODOWN" => new TallyGodown(Name(element), Text(element, "PARENT"), Text(element, "GUID")),
                "UNIT" => Unit(element),
                "STOCKITEM" => StockItem(element),
                "VOUCHERTYPE" => new TallyVoucherType(
                    Name(element), Text(element, "PARENT"), Clean(element.Attribute("RESERVEDNAME")?.Value), Text(element, "GUID")),
                "VOUCHER" => Voucher(element),
                "COMPANY" => Company(element),
                var tag => new TallyUnknownObject(tag),
            };
        }
        catch (SourceFormatException e)
        {
            throw new SourceFormatException($"Line {line}: {e.Message}", e);
        }
    }

    static TallyGroup Group(XElement e) => new(
        Name(e),
        Text(e, "PARENT"),
        Clean(e.Attribute("RESERVEDNAME")?.Value),
        Flag(e, "ISREVENUE"),
        Flag(e, "ISDEEMEDPOSITIVE"),
        Flag(e, "AFFECTSGROSSPROFIT"),
        Text(e, "GUID"));

    static TallyLedger Ledger(XElement e) => new(
        Name(e),
        Text(e, "PARENT"),
        Clean(e.Attribute("RESERVEDNAME")?.Value),
        Text(e, "GUID"),
        Amount(e, "OPENINGBALANCE"),
        Party(e),
        [.. Lines(e, "BILLALLOCATIONS.LIST", "NAME").Select(b => new TallyLedgerBill(
            Text(b, "NAME")!, Date(b, "BILLDATE"), Amount(b, "OPENINGBALANCE"), Flag(b, "ISADVANCE")))]);

    static TallyParty Party(XElement e)
    {
        var mailing = Latest(e.Elements("LEDMAILINGDETAILS.LIST"));
        var registration = Latest(e.Elements("LEDGSTREGDETAILS.LIST"));
        var contacts = Lines(e, "CONTACTDETAILS.LIST", "PHONENUMBER").ToList();
        var contact = contacts.FirstOrDefault(c => Flag(c, "ISDEFAULTWHATSAPPNUM") == true) ?? contacts.FirstOrDefault();
        List<string> nestedAddress = mailing is null ? [] : AddressLines(mailing);
        return new TallyParty(
            (mailing is null ? null : Text(mailing, "MAILINGNAME")) ?? Clean(e.Element("MAILINGNAME.LIST")?.Element("MAILINGNAME")?.Value),
            nestedAddress.Count > 0 ? nestedAddress : AddressLines(e),
            (mailing is null ? null : Text(mailing, "STATE")) ?? Text(e, "LEDSTATENAME") ?? Text(e, "STATENAME"),
            (mailing is null ? null : Text(mailing, "PINCODE")) ?? Text(e, "PINCODE"),
            (mailing is null ? null : Text(mailing, "COUNTRY")) ?? Text(e, "COUNTRYNAME") ?? Text(e, "COUNTRYOFRESIDENCE"),
            (registration is null ? null : Text(registration, "GSTIN")) ?? Text(e, "PARTYGSTIN"),
            (registration is null ? null : Text(registration, "GSTREGISTRATIONTYPE")) ?? Text(e, "GSTREGISTRATIONTYPE"),
            registration is null ? null : Text(registration, "PLACEOFSUPPLY"),
            Text(e, "INCOMETAXNUMBER"),
            Text(e, "LEDGERPHONE"),
            (contact is null ? null : Text(contact, "PHONENUMBER")) ?? Text(e, "LEDGERMOBILE"),
            Text(e, "EMAIL"));
    }

    static List<string> AddressLines(XElement e) =>
        [.. e.Elements("ADDRESS.LIST").Elements("ADDRESS").Select(a => Clean(a.Value)).OfType<string>()];

    static TallyUnit Unit(XElement e) => new(
        Name(e),
        Text(e, "ORIGINALNAME"),
        Flag(e, "ISSIMPLEUNIT") ?? true,
        Text(e, "BASEUNITS"),
        Text(e, "ADDITIONALUNITS"),
        Number(e, "CONVERSION"),
        Number(e, "DECIMALPLACES") is { } places ? (int)places : null,
        Text(e, "GUID"));

    static TallyStockItem StockItem(XElement e) => new(
        Name(e),
        Text(e, "PARENT"),
        Text(e, "CATEGORY"),
        Text(e, "BASEUNITS"),
        Latest(Lines(e, "HSNDETAILS.LIST", "HSNCODE")) is { } hsn ? Text(hsn, "HSNCODE") : null,
        GstRate(e),
        Quantity(e, "OPENINGBALANCE"),
        Rate(e, "OPENINGRATE"),
        Amount(e, "OPENINGVALUE"),
        [.. e.Elements("BATCHALLOCATIONS.LIST")
            .Where(b => Text(b, "GODOWNNAME") is not null || Text(b, "BATCHNAME") is not null || Text(b, "OPENINGBALANCE") is not null)
            .Select(b => new TallyOpeningBatch(
                Text(b, "GODOWNNAME"), Text(b, "BATCHNAME"), Quantity(b, "OPENINGBALANCE"), Rate(b, "OPENINGRATE"), Amount(b, "OPENINGVALUE")))],
        Text(e, "GUID"));

    /// <summary>IGST is the whole rate; without it, the central and state halves add up to it. Cess is never GST.</summary>
    static decimal? GstRate(XElement e)
    {
        var details = Latest(e.Elements("GSTDETAILS.LIST").Where(d => d.Elements("STATEWISEDETAILS.LIST").Any()));
        if (details is null)
        {
            return null;
        }
        var rates = details.Elements("STATEWISEDETAILS.LIST").Elements("RATEDETAILS.LIST")
            .Select(r => (Head: Text(r, "GSTRATEDUTYHEAD"), Rate: Number(r, "GSTRATE")))
            .Where(r => r.Head is not null && r.Rate is not null)
            .ToList();
        var integrated = rates.FirstOrDefault(r => r.Head is "IGST" or "Integrated Tax").Rate;
        if (integrated is not null)
        {
            return integrated;
        }
        var halves = rates.Where(r => r.Head is "CGST" or "Central Tax" or "SGST/UTGST" or "SGST" or "UTGST" or "State Tax").ToList();
        return halves.Count > 0 ? halves.Sum(r => r.Rate) : null;
    }

    static TallyVoucher Voucher(XElement e)
    {
        // Accounting views write every line in ALLLEDGERENTRIES; invoice views write LEDGERENTRIES. Never add both.
        var ledgerLines = Lines(e, "ALLLEDGERENTRIES.LIST", "LEDGERNAME").ToList();
        if (ledgerLines.Count == 0)
        {
            ledgerLines = [.. Lines(e, "LEDGERENTRIES.LIST", "LEDGERNAME")];
        }
        var inventoryLines = Lines(e, "ALLINVENTORYENTRIES.LIST", "STOCKITEMNAME").ToList();
        if (inventoryLines.Count == 0)
        {
            inventoryLines = [.. Lines(e, "INVENTORYENTRIES.LIST", "STOCKITEMNAME")];
        }
        return new TallyVoucher(
            Text(e, "GUID"),
            Clean(e.Attribute("VCHTYPE")?.Value) ?? Text(e, "VOUCHERTYPENAME") ?? "",
            Text(e, "VOUCHERNUMBER"),
            Date(e, "DATE"),
            Text(e, "REFERENCE"),
            Text(e, "NARRATION"),
            Text(e, "PARTYLEDGERNAME") ?? Text(e, "PARTYNAME"),
            Flag(e, "ISCANCELLED") == true,
            Flag(e, "ISDELETED") == true,
            Flag(e, "ISOPTIONAL") == true,
            Flag(e, "ISINVOICE") == true,
            [.. ledgerLines.Select(LedgerEntry)],
            [.. inventoryLines.Select(InventoryEntry)]);
    }

    static TallyLedgerEntry LedgerEntry(XElement e) => new(
        Text(e, "LEDGERNAME")!,
        Amount(e, "AMOUNT") ?? 0m,
        Flag(e, "ISDEEMEDPOSITIVE"),
        Flag(e, "ISPARTYLEDGER"),
        [.. Lines(e, "BILLALLOCATIONS.LIST", "NAME").Select(b => new TallyBillAllocation(
            Text(b, "NAME")!, Text(b, "BILLTYPE"), Amount(b, "AMOUNT"), Text(b, "BILLCREDITPERIOD")))]);

    static TallyInventoryEntry InventoryEntry(XElement e) => new(
        Text(e, "STOCKITEMNAME")!,
        Flag(e, "ISDEEMEDPOSITIVE"),
        Quantity(e, "ACTUALQTY"),
        Quantity(e, "BILLEDQTY"),
        Rate(e, "RATE"),
        Amount(e, "AMOUNT"),
        [.. e.Elements("BATCHALLOCATIONS.LIST")
            .Where(b => Text(b, "GODOWNNAME") is not null || Text(b, "BATCHNAME") is not null)
            .Select(b => new TallyBatchAllocation(Text(b, "GODOWNNAME"), Text(b, "BATCHNAME"), Quantity(b, "ACTUALQTY"), Amount(b, "AMOUNT")))],
        [.. Lines(e, "ACCOUNTINGALLOCATIONS.LIST", "LEDGERNAME").Select(LedgerEntry)]);

    static TallyCompanyInfo Company(XElement e)
    {
        var info = e.Element("REMOTECMPINFO.LIST");
        return new TallyCompanyInfo(
            info is null ? null : TallyXmlReader.CompanyName(info.Element("REMOTECMPNAME")?.Value ?? ""),
            info is null ? null : Text(info, "REMOTECMPSTATE"));
    }
}
