using System.ComponentModel.DataAnnotations;
using Ferry.Core.Integrations;
using Ferry.Sources.Tally.Live;

namespace Ferry.Server.Features.Integrations;

public sealed record TallySettingsRequest(
    [property: StringLength(TallyIntegrationApi.MaxHostLength)] string? Host,
    int? Port,
    [property: StringLength(TallyIntegrationApi.MaxCompanyLength)] string? Company);

public sealed record TallySettingsResponse(string Host, int Port, string? Company, bool Configured, DateTime? UpdatedAt)
{
    public static TallySettingsResponse From(IntegrationSetting? setting) => setting is null
        ? new("localhost", TallyServer.DefaultPort, null, false, null)
        : new(setting.Host, setting.Port, setting.Company, true, setting.UpdatedAt);
}

/// <summary>What "test connection" found: the companies Tally has open, and whether the configured one is among them.</summary>
public sealed record TallyConnectionResponse(string Server, IReadOnlyList<TallyOpenCompany> Companies, string? Company, bool CompanyOpen);

/// <param name="Company">The Tally company to pull from; the configured one when left out.</param>
public sealed record TallySyncRequest(DateOnly? FromDate, DateOnly? ToDate, [property: StringLength(TallyIntegrationApi.MaxCompanyLength)] string? Company);
