using System.Globalization;
using Ferry.Core.Sources;

namespace Ferry.Sources.Tally;

/// <summary>
/// The masters of a Tally export as tables the import workflow reads like any sheet: ledgers with their opening
/// balances, the parties among them (ledgers under Sundry Debtors or Sundry Creditors) as contacts, and stock items
/// as products. Columns are named after the ERP fields, so every column maps exactly. Repeated masters are merged
/// (first non-empty value of each field); only masters are held, never vouchers.
/// </summary>
public static class TallyTables
{
    public const string Ledgers = "ledgers";
    public const string Contacts = "contacts";
    public const string Products = "products";

    public static readonly IReadOnlyList<string> Names = [Ledgers, Contacts, Products];

    static readonly string[] LedgerColumns = ["name", "group_name", "opening_balance", "opening_balance_side", "gstin", "pan", "state"];

    static readonly string[] ContactColumns =
    [
        "display_name", "contact_type", "company_name", "email", "phone", "mobile", "gstin", "gst_treatment", "pan",
        "billing_line1", "billing_line2", "billing_state", "billing_pin_code", "billing_country", "opening_balance", "opening_balance_side",
    ];

    static readonly string[] ProductColumns = ["sku", "name", "hsn_sac", "unit_symbol", "category", "gst_rate"];

    public const string Vouchers = "vouchers";

    static readonly string[] VoucherColumns = ["date", "voucher_type", "number", "party", "amount", "narration"];

    /// <summary>
    /// One pass over the export for its preview: every master, the first <paramref name="voucherRows"/> vouchers as
    /// rows, and how many vouchers there are in all.
    /// </summary>
    public static (IReadOnlyList<(string Name, IRecordReader Reader, long Rows)> Tables, string Encoding) Preview(string path, int voucherRows)
    {
        var masters = new TallyMasters();
        var vouchers = new List<string?[]>();
        long count = 0;
        string encoding;
        using (var reader = TallyXmlReader.Open(path))
        {
            encoding = reader.Encoding;
            while (reader.MoveNext())
            {
                if (reader.Current is TallyVoucher voucher)
                {
                    if (count++ < voucherRows)
                    {
                        vouchers.Add(VoucherRow(voucher));
                    }
                    continue;
                }
                masters.Add(reader.Current);
            }
        }
        var tables = Names.Select(n => (n, (IRecordReader)Of(masters, n), 0L)).ToList();
        if (count > 0)
        {
            tables.Add((Vouchers, new TallyTableReader("VOUCHER", VoucherColumns, vouchers), count));
        }
        return (tables, encoding);
    }

    public static IRecordReader Open(string path, string table)
    {
        if (!Names.Contains(table))
        {
            throw new SourceFormatException($"A Tally export has no table '{table}'. Tables: {string.Join(", ", Names)}.");
        }
        var masters = new TallyMasters();
        using (var reader = TallyXmlReader.Open(path))
        {
            while (reader.MoveNext())
            {
                masters.Add(reader.Current);
            }
        }
        return Of(masters, table);
    }

    static TallyTableReader Of(TallyMasters masters, string table) =>
        table switch
        {
            Ledgers => new TallyTableReader("LEDGER", LedgerColumns, [.. masters.Ledgers.Values.Select(LedgerRow)]),
            Contacts => new TallyTableReader("LEDGER", ContactColumns,
                [.. masters.Ledgers.Values.Select(l => PartyType(l.Parent, masters.Groups) is { } type ? ContactRow(l, type) : null).OfType<string?[]>()]),
            _ => new TallyTableReader("STOCKITEM", ProductColumns, [.. masters.StockItems.Values.Select(ProductRow)]),
        };

    static string?[] VoucherRow(TallyVoucher voucher) =>
    [
        voucher.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), voucher.Type, voucher.Number, voucher.Party,
        voucher.DebitTotal.ToString(CultureInfo.InvariantCulture),
        voucher.Narration,
    ];

    /// <summary>"customer" under Sundry Debtors, "vendor" under Sundry Creditors (by name or by the reserved name a rename keeps).</summary>
    internal static string? PartyType(string? parent, IReadOnlyDictionary<string, TallyGroup> groups)
    {
        for (var depth = 0; parent is not null && depth < 64; depth++)
        {
            groups.TryGetValue(parent, out var group);
            foreach (var name in (ReadOnlySpan<string?>)[parent, group?.ReservedName])
            {
                if (string.Equals(name, "Sundry Debtors", StringComparison.OrdinalIgnoreCase))
                {
                    return "customer";
                }
                if (string.Equals(name, "Sundry Creditors", StringComparison.OrdinalIgnoreCase))
                {
                    return "vendor";
                }
            }
            parent = group?.Parent;
        }
        return null;
    }

    static string?[] LedgerRow(TallyLedger ledger) =>
    [
        ledger.Name, ledger.Parent, Amount(ledger.OpeningBalance), Side(ledger.OpeningBalance),
        ledger.Party.Gstin, ledger.Party.Pan, ledger.Party.State,
    ];

    static string?[] ContactRow(TallyLedger ledger, string type)
    {
        var party = ledger.Party;
        return
        [
            ledger.Name, type, party.MailingName is { } mailing && mailing != ledger.Name ? mailing : null, party.Email, party.Phone, party.Mobile,
            party.Gstin, Treatment(party.GstRegistrationType), party.Pan,
            party.Address.Count > 0 ? party.Address[0] : null, party.Address.Count > 1 ? string.Join(", ", party.Address.Skip(1)) : null,
            party.State, party.Pincode, party.Country, Amount(ledger.OpeningBalance), Side(ledger.OpeningBalance),
        ];
    }

    static string?[] ProductRow(TallyStockItem item) =>
        [item.Name, item.Name, item.Hsn, item.BaseUnit, item.Category ?? item.Parent, item.GstRate?.ToString(CultureInfo.InvariantCulture)];

    static string? Amount(decimal? amount) => amount is { } value ? Math.Abs(value).ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>Tally's sign rule: a negative amount is a debit.</summary>
    static string? Side(decimal? amount) => amount is null or 0 ? null : amount < 0 ? "Dr" : "Cr";

    internal static string? Treatment(string? registration) => registration?.Trim().ToUpperInvariant() switch
    {
        null or "" => null,
        var r when r.Contains("SEZ", StringComparison.Ordinal) => "sez",
        "REGULAR" => "regular",
        "COMPOSITION" => "composition",
        "CONSUMER" => "consumer",
        "UNREGISTERED" or "UNKNOWN" => "unregistered",
        var r when r.Contains("OVERSEAS", StringComparison.Ordinal) || r.Contains("EXPORT", StringComparison.Ordinal) => "overseas",
        _ => null,
    };
}
