using Ferry.Erp.Books;

namespace Ferry.Sources.Tally;

/// <summary>
/// A Tally export as whole books. The first pass holds the masters and totals the vouchers (for reconciliation and
/// the progress total); <see cref="Vouchers"/> reads the file again and turns vouchers into entries one at a time.
/// </summary>
public sealed class TallyBook : IBook
{
    readonly string _path;
    readonly string _fileName;
    readonly TallyMasters _masters;

    TallyBook(string path, string fileName, TallyMasters masters, string? company, IReadOnlyList<BookEntry> entries, long vouchers, BookTotals totals)
    {
        _path = path;
        _fileName = fileName;
        _masters = masters;
        Company = company;
        Masters = entries;
        Count = entries.Count + vouchers;
        Totals = totals;
    }

    public string Format => TallyInspector.Format;

    public string? Company { get; }

    public IReadOnlyList<BookEntry> Masters { get; }

    public long Count { get; }

    public BookTotals Totals { get; }

    public static TallyBook Read(string path, string fileName, BookOptions options)
    {
        var masters = new TallyMasters();
        string? company, state = null;
        DateOnly? periodFrom;
        var totals = new VoucherTotals();
        using (var reader = TallyXmlReader.Open(path))
        {
            while (reader.MoveNext())
            {
                switch (reader.Current)
                {
                    case TallyVoucher voucher:
                        totals.Count(voucher);
                        break;
                    case TallyCompanyInfo info:
                        state ??= info.State;
                        break;
                    default:
                        masters.Add(reader.Current);
                        break;
                }
            }
            company = reader.Company;
            periodFrom = reader.PeriodFrom;
        }
        var openings = TallyBookMasters.OpeningsOf(masters);
        var entries = TallyBookMasters.Entries(masters, company, state, periodFrom, fileName, options, openings);
        var bookTotals = totals.Finish(masters, openings, entries);
        return new TallyBook(path, fileName, masters, company, entries, totals.Elements, bookTotals);
    }

    public IEnumerable<BookEntry> Vouchers(long sequence)
    {
        using var reader = TallyXmlReader.Open(_path);
        long next = Masters.Count;
        while (reader.MoveNext())
        {
            if (reader.Current is not TallyVoucher voucher)
            {
                continue;
            }
            next++;
            if (next > sequence)
            {
                yield return TallyBookVouchers.Entry(next, voucher, $"{_fileName} line {reader.Line}", _masters.VoucherTypes);
            }
        }
    }

    /// <summary>
    /// Per voucher type as written: the vouchers an import keeps and their debit and credit totals. Which types are
    /// memorandum or orders is known only once the voucher-type masters are read, so the verdict waits for the end.
    /// </summary>
    sealed class VoucherTotals
    {
        readonly Dictionary<string, (long Count, decimal Debit, decimal Credit, long Unbalanced)> _byType = new(StringComparer.Ordinal);
        readonly Dictionary<string, long> _skipped = new(StringComparer.Ordinal);
        DateOnly? _first;
        DateOnly? _last;

        public long Elements { get; private set; }

        public void Count(TallyVoucher voucher)
        {
            Elements++;
            if (TallyVoucherKinds.FlagSkipReason(voucher) is { } reason)
            {
                _skipped[reason] = _skipped.GetValueOrDefault(reason) + 1;
                return;
            }
            var debit = voucher.DebitTotal;
            var imbalance = voucher.Imbalance;
            var total = _byType.GetValueOrDefault(voucher.Type);
            _byType[voucher.Type] = (total.Count + 1, total.Debit + debit, total.Credit + debit + imbalance, total.Unbalanced + (imbalance != 0 ? 1 : 0));
            if (voucher.Date is { } date)
            {
                _first = _first is null || date < _first ? date : _first;
                _last = _last is null || date > _last ? date : _last;
            }
        }

        public BookTotals Finish(TallyMasters masters, OpeningBalances openings, IReadOnlyList<BookEntry> entries)
        {
            var types = new Dictionary<string, VoucherTypeTotal>(StringComparer.Ordinal);
            long unbalanced = 0;
            foreach (var (type, total) in _byType)
            {
                if (TallyVoucherKinds.SkipReasonOf(TallyVoucherKinds.BaseTypeOf(type, masters.VoucherTypes)) is { } reason)
                {
                    _skipped[reason] = _skipped.GetValueOrDefault(reason) + total.Count;
                    continue;
                }
                types[type] = new VoucherTypeTotal(total.Count, total.Debit, total.Credit);
                unbalanced += total.Unbalanced;
            }
            var entities = BookEntities.All.ToDictionary(e => e, e => (long)entries.Count(x => x.Entity == e), StringComparer.Ordinal);
            entities[BookEntities.Vouchers] = types.Values.Sum(t => t.Count);
            return new BookTotals(entities, types, openings, _first, _last, _skipped, unbalanced);
        }
    }
}
