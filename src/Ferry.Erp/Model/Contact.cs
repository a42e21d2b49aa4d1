namespace Ferry.Erp.Model;

/// <summary>A customer, a vendor or both, with tax identity and addresses.</summary>
public sealed class Contact : ErpRow
{
    public required string DisplayName { get; set; }

    /// <summary>"customer", "vendor" or "both".</summary>
    public string ContactType { get; set; } = "customer";

    public string? CompanyName { get; set; }

    public string? ContactPerson { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Mobile { get; set; }

    public string? Website { get; set; }

    public string? Gstin { get; set; }

    /// <summary>GST registration type: regular, composition, unregistered, consumer, overseas, sez.</summary>
    public string? GstTreatment { get; set; }

    public string? Pan { get; set; }

    /// <summary>State of the place of supply, as a two-digit GST state code.</summary>
    public string? PlaceOfSupply { get; set; }

    public Address Billing { get; set; } = new();

    public Address Shipping { get; set; } = new();

    public decimal OpeningBalance { get; set; }

    /// <summary>"Dr" (they owe us) or "Cr" (we owe them).</summary>
    public string OpeningBalanceSide { get; set; } = "Dr";

    public decimal? CreditLimit { get; set; }

    public long? PaymentTermsDays { get; set; }

    public string Currency { get; set; } = "INR";

    public string? Notes { get; set; }

    public long? LedgerId { get; set; }

    public string? SourceGuid { get; set; }
}
