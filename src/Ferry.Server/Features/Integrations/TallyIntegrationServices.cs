namespace Ferry.Server.Features.Integrations;

static class TallyIntegrationServices
{
    /// <summary>Registers the Tally connector and its HTTP client, whose every connection goes through the host policy.</summary>
    /// <exception cref="InvalidOperationException">Integrations:AllowedHosts holds an entry that is no host, address or range.</exception>
    public static void AddTallyIntegration(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(IntegrationOptions.SectionName).Get<IntegrationOptions>() ?? new IntegrationOptions();
        var hosts = new IntegrationHostPolicy(options);
        services.AddSingleton(options);
        services.AddSingleton(hosts);
        services.AddScoped<TallyConnector>();
        services.AddHttpClient(TallyConnector.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(hosts.Handler);
    }
}
