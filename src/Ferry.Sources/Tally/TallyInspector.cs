namespace Ferry.Sources.Tally;

/// <summary>Reads a Tally export once and counts what is in it, holding master names but never vouchers.</summary>
public static class TallyInspector
{
    public const string Format = "tally-xml";
    public const int UnbalancedListed = 20;

    static readonly string[] EntityKeys =
        ["groups", "ledgers", "stock_groups", "stock_categories", "stock_items", "units", "godowns", "voucher_types", "vouchers"];

    /// <summary>
    /// Vouchers of one type as written. Whether the type is memorandum, order or accounting is known only once its
    /// VOUCHERTYPE master has been read, which may come after the vouchers, so the verdict waits for the end.
    /// </summary>
    sealed class TypeTally
    {
        public int Kept;
        public int Unbalanced;
        public readonly List<(long Order, TallyUnbalancedVoucher Voucher)> FirstUnbalanced = [];
    }

    public static TallySummary Inspect(string path)
    {
        using var reader = TallyXmlReader.Open(path);
        var names = EntityKeys.ToDictionary(k => k, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var voucherTypes = new Dictionary<string, TallyVoucherType>(StringComparer.Ordinal);
        var byType = new Dictionary<string, int>(StringComparer.Ordinal);
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        var tallies = new Dictionary<string, TypeTally>(StringComparer.Ordinal);
        var others = new Dictionary<string, int>(StringComparer.Ordinal);
        string? footerCompany = null;
        var vouchers = 0;

        while (reader.MoveNext())
        {
            switch (reader.Current)
            {
                case TallyGroup g: names["groups"].Add(g.Name); break;
                case TallyLedger l: names["ledgers"].Add(l.Name); break;
                case TallyStockGroup s: names["stock_groups"].Add(s.Name); break;
                case TallyStockCategory c: names["stock_categories"].Add(c.Name); break;
                case TallyStockItem i: names["stock_items"].Add(i.Name); break;
                case TallyUnit u: names["units"].Add(u.Name); break;
                case TallyGodown d: names["godowns"].Add(d.Name); break;
                case TallyVoucherType t:
                    names["voucher_types"].Add(t.Name);
                    voucherTypes.TryAdd(t.Name, t);
                    break;
                case TallyCompanyInfo info: footerCompany ??= info.Name; break;
                case TallyUnknownObject unknown: Increment(others, unknown.Tag); break;
                case TallyVoucher v:
                    vouchers++;
                    Increment(byType, v.Type);
                    if (TallyVoucherKinds.FlagSkipReason(v) is { } reason)
                    {
                        Increment(skipped, reason);
                        break;
                    }
                    var tally = tallies.TryGetValue(v.Type, out var found) ? found : tallies[v.Type] = new TypeTally();
                    tally.Kept++;
                    if (v.Imbalance != 0)
                    {
                        tally.Unbalanced++;
                        if (tally.FirstUnbalanced.Count < UnbalancedListed)
                        {
                            tally.FirstUnbalanced.Add((vouchers, new TallyUnbalancedVoucher(v.Number, v.Type, v.Date, v.Imbalance)));
                        }
                    }
                    break;
            }
        }

        var unbalanced = 0;
        var listed = new List<(long Order, TallyUnbalancedVoucher Voucher)>();
        var unresolved = new List<string>();
        foreach (var (type, tally) in tallies)
        {
            var baseType = TallyVoucherKinds.BaseTypeOf(type, voucherTypes);
            if (baseType is null)
            {
                unresolved.Add(type);
            }
            if (TallyVoucherKinds.SkipReasonOf(baseType) is { } reason)
            {
                Increment(skipped, reason, tally.Kept);
                continue;
            }
            unbalanced += tally.Unbalanced;
            listed.AddRange(tally.FirstUnbalanced);
        }

        var entities = names.ToDictionary(n => n.Key, n => n.Value.Count, StringComparer.Ordinal);
        entities["vouchers"] = vouchers;
        return new TallySummary(
            Format,
            reader.Encoding,
            reader.Company ?? footerCompany,
            entities,
            byType,
            skipped,
            unbalanced,
            [.. listed.OrderBy(u => u.Order).Take(UnbalancedListed).Select(u => u.Voucher)],
            [.. unresolved.Order(StringComparer.Ordinal)],
            others);
    }

    static void Increment(Dictionary<string, int> counts, string key, int by = 1) =>
        counts[key] = counts.GetValueOrDefault(key) + by;
}
