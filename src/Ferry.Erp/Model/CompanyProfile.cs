namespace Ferry.Erp.Model;

/// <summary>The organization's own company details; one per organization.</summary>
public sealed class CompanyProfile : ErpRow
{
    public required string Name { get; set; }

    public string? LegalName { get; set; }

    public string? Gstin { get; set; }

    public string? Pan { get; set; }

    public string? StateCode { get; set; }

    public string? AddressLine1 { get; set; }

    public string? AddressLine2 { get; set; }

    public string? City { get; set; }

    public string? State { get; set; }

    public string? PinCode { get; set; }

    public string? Country { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Website { get; set; }

    public string BaseCurrency { get; set; } = "INR";

    public DateOnly? FinancialYearStart { get; set; }

    public DateOnly? BooksBeginFrom { get; set; }
}
