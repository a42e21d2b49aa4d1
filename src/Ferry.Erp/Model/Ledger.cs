namespace Ferry.Erp.Model;

/// <summary>An account of the chart of accounts with its opening balance, debit or credit.</summary>
public sealed class Ledger : ErpRow
{
    public required string Name { get; set; }

    public string? Alias { get; set; }

    public long? GroupId { get; set; }

    public AccountGroup? Group { get; set; }

    /// <summary>Name of the group as the source gave it; kept when the group is not (yet) in the chart.</summary>
    public string? GroupName { get; set; }

    public decimal OpeningBalance { get; set; }

    /// <summary>"Dr" or "Cr"; the balance itself is never negative.</summary>
    public string OpeningBalanceSide { get; set; } = "Dr";

    public string? Gstin { get; set; }

    public string? Pan { get; set; }

    public string? State { get; set; }

    public decimal? GstRate { get; set; }

    public string? BankAccountNumber { get; set; }

    public string? Ifsc { get; set; }

    public string Currency { get; set; } = "INR";

    public string? SourceGuid { get; set; }
}
