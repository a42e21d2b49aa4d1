using System.Globalization;
using System.Text.Json;
using Ferry.Erp.Books;
using Ferry.Erp.Model;
using Ferry.Erp.Schemas;

namespace Ferry.Sources.Tally;

/// <summary>
/// Turns a Tally voucher into an ERP voucher: ledger entries and the accounting allocations of item lines become
/// ledger lines with explicit debit and credit (negative amounts are debits), item lines keep godown, batch, quantity
/// (negative when stock goes out), rate and amount, bill allocations travel with their ledger line.
/// </summary>
static class TallyBookVouchers
{
    static readonly Dictionary<string, string> ErpTypes = new(StringComparer.Ordinal)
    {
        ["Sales"] = "sales",
        ["Purchase"] = "purchase",
        ["Payment"] = "payment",
        ["Receipt"] = "receipt",
        ["Journal"] = "journal",
        ["Contra"] = "contra",
        ["Credit Note"] = "credit_note",
        ["Debit Note"] = "debit_note",
        ["Payroll"] = "journal",
    };

    public static BookEntry Entry(long sequence, TallyVoucher voucher, string location, IReadOnlyDictionary<string, TallyVoucherType> types)
    {
        var baseType = TallyVoucherKinds.BaseTypeOf(voucher.Type, types);
        var label = $"{voucher.Type} voucher {voucher.Number ?? "(no number)"} of {Day(voucher.Date)}";
        if (TallyVoucherKinds.SkipReason(voucher, baseType) is { } reason)
        {
            return new BookEntry(sequence, BookEntities.Vouchers, location, label, null) { SkipReason = reason };
        }
        if (voucher.Date is not { } date)
        {
            return new BookEntry(sequence, BookEntities.Vouchers, location, label, null)
            {
                Error = "it has no DATE; export it from Tally again",
            };
        }
        if (voucher.Imbalance != 0)
        {
            return new BookEntry(sequence, BookEntities.Vouchers, location, label, null)
            {
                Error = $"it does not balance: its debits and credits differ by {TallyBookMasters.Money(Math.Abs(voucher.Imbalance))} " +
                    $"({(voucher.Imbalance < 0 ? "Dr" : "Cr")}); correct it in Tally and export again",
            };
        }
        var warnings = new List<string>();
        if (baseType is null)
        {
            warnings.Add($"voucher type '{voucher.Type}' is not in the export's voucher types; imported as a journal");
        }
        var row = new Voucher
        {
            NaturalKey = KeyOf(voucher, sequence),
            VoucherType = baseType is not null && ErpTypes.TryGetValue(baseType, out var erpType) ? erpType : "journal",
            VoucherTypeName = voucher.Type,
            Number = voucher.Number ?? "",
            Date = date,
            Reference = voucher.Reference,
            Narration = voucher.Narration,
            PartyName = voucher.Party,
            SourceGuid = voucher.Guid,
        };
        foreach (var entry in voucher.Postings)
        {
            row.LedgerLines.Add(new VoucherLedgerLine
            {
                LineNo = row.LedgerLines.Count + 1,
                LedgerName = entry.Ledger,
                Debit = entry.Amount < 0 ? -entry.Amount : 0,
                Credit = entry.Amount > 0 ? entry.Amount : 0,
                BillAllocations = entry.Bills.Count == 0 ? null : Bills(entry.Bills),
            });
        }
        foreach (var item in voucher.InventoryEntries)
        {
            var direction = item.IsInward ? 1 : -1;
            var ledger = item.AccountingAllocations.Count > 0 ? item.AccountingAllocations[0].Ledger : null;
            if (item.Batches.Count == 0)
            {
                row.InventoryLines.Add(Line(row, item.Item, null, null, direction * ((item.Quantity ?? item.BilledQuantity)?.Value ?? 0), item.Rate, item.Amount, ledger));
                continue;
            }
            foreach (var batch in item.Batches)
            {
                row.InventoryLines.Add(Line(row, item.Item, batch.Godown, batch.Batch, direction * (batch.Quantity?.Value ?? 0), item.Rate, batch.Amount ?? item.Amount, ledger));
            }
        }
        row.TotalAmount = row.LedgerLines.Sum(l => l.Debit);
        return new BookEntry(sequence, BookEntities.Vouchers, location, label, row) { Warnings = warnings };
    }

    /// <summary>The GUID when Tally wrote one; else type, number and date, and the position for a voucher without a number.</summary>
    static string KeyOf(TallyVoucher voucher, long sequence) =>
        voucher.Guid is { Length: > 0 } guid
            ? NaturalKeys.Normalize(guid)
            : NaturalKeys.Join(voucher.Type, voucher.Number ?? "#" + sequence.ToString(CultureInfo.InvariantCulture), Day(voucher.Date));

    static VoucherInventoryLine Line(Voucher voucher, string item, string? godown, string? batch, decimal quantity, TallyRate? rate, decimal? amount, string? ledger) => new()
    {
        LineNo = voucher.InventoryLines.Count + 1,
        ItemName = item,
        WarehouseName = godown,
        Batch = batch,
        Quantity = quantity,
        Rate = rate?.Value,
        Amount = Math.Abs(amount ?? 0),
        AccountLedgerName = ledger,
    };

    static string Bills(IReadOnlyList<TallyBillAllocation> bills)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var bill in bills)
            {
                writer.WriteStartObject();
                writer.WriteString("name", bill.Name);
                writer.WriteString("type", bill.BillType);
                if (bill.Amount is { } amount)
                {
                    writer.WriteNumber("amount", Math.Abs(amount));
                    writer.WriteString("side", amount < 0 ? "Dr" : "Cr");
                }
                if (bill.CreditPeriod is { } period)
                {
                    writer.WriteString("credit_period", period);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(no date)";
}
