using Ferry.Core;
using Ferry.Core.Pipeline;
using Ferry.Core.Values;

namespace Ferry.Erp.Schemas;

/// <summary>Turns an opening balance as files write it ("-500", "1,18,000 Cr", a Dr/Cr column) into amount + side.</summary>
static class BalanceFields
{
    public static void Complete(MappedRecord record, BalanceSide naturalSide)
    {
        BalanceSide? explicitSide = null;
        if (record.GetString("opening_balance_side") is { } sideText)
        {
            explicitSide = ParseSide(sideText);
            if (explicitSide is null)
            {
                record.AddError("opening_balance_side", ErrorCodes.ValidationFailed, $"opening_balance_side '{sideText}' must be Dr or Cr", sideText);
                return;
            }
        }
        // The mapped value already carries the mapping's number rules (round, abs, …); the text only says whether
        // the file marked the side itself ("1,18,000 Cr"), in which case the sign belongs to the marker.
        var amount = record.GetDecimal("opening_balance") ?? 0m;
        if (record.GetText("opening_balance") is { } text && ValueParser.TryParseAmount(text, out _, out var marked) && marked is not null)
        {
            explicitSide ??= marked;
            amount = Math.Abs(amount);
        }
        var side = explicitSide ?? naturalSide;
        if (amount < 0)
        {
            side = side == BalanceSide.Dr ? BalanceSide.Cr : BalanceSide.Dr;
        }
        record["opening_balance"] = Math.Abs(amount);
        record["opening_balance_side"] = side.ToString();
    }

    static BalanceSide? ParseSide(string text) => text.Trim().ToUpperInvariant() switch
    {
        "DR" or "DR." or "D" or "DEBIT" => BalanceSide.Dr,
        "CR" or "CR." or "C" or "CREDIT" => BalanceSide.Cr,
        _ => null,
    };
}
