namespace Ferry.Erp.Model;

/// <summary>A node of the chart of accounts (Tally "group"), e.g. Sundry Debtors under Current Assets.</summary>
public sealed class AccountGroup : ErpRow
{
    public required string Name { get; set; }

    public long? ParentId { get; set; }

    public AccountGroup? Parent { get; set; }

    /// <summary>Name of the parent group as the source gave it; kept when the parent is not (yet) in the chart.</summary>
    public string? ParentName { get; set; }

    public AccountNature Nature { get; set; }

    /// <summary>One of the groups every chart of accounts starts with (Tally's 28 reserved groups).</summary>
    public bool IsReserved { get; set; }

    public string? SourceGuid { get; set; }
}
