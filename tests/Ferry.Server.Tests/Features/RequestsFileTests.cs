using System.Text.RegularExpressions;
using Ferry.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ferry.Server.Tests.Features;

/// <summary>requests/ferry.http claims every call of the API; this holds it to that as endpoints are added.</summary>
public sealed partial class RequestsFileTests(FerryApp app) : IClassFixture<FerryApp>
{
    [Fact]
    public void The_requests_file_has_a_call_for_every_endpoint()
    {
        var file = Path.Combine(RepositoryRoot(), "requests", "ferry.http");
        var calls = File.ReadLines(file)
            .Select(line => Call().Match(line))
            .Where(m => m.Success)
            .Select(m => (Method: m.Groups[1].Value, Path: m.Groups[2].Value.Split('?')[0]))
            .ToList();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .ToList();

        var missing = endpoints.Where(e => !calls.Any(c => c.Method == e.Method && Matches(e.Route, c.Path))).ToList();

        Assert.True(endpoints.Count >= 25, $"only {endpoints.Count} endpoints were found");
        Assert.Empty(missing);
    }

    static bool Matches(string route, string path)
    {
        var pattern = "^" + RouteParameter().Replace(Regex.Escape(route.TrimEnd('/')), "[^/]+") + "/?$";
        return Regex.IsMatch("/api/v1" + path, pattern, RegexOptions.CultureInvariant);
    }

    static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Ferry.slnx")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new DirectoryNotFoundException("Ferry.slnx was not found above the test folder.");
    }

    [GeneratedRegex(@"^(GET|POST|PUT|DELETE|PATCH) \{\{ferry\}\}(\S+)")]
    private static partial Regex Call();

    [GeneratedRegex(@"\\\{[^}]+}")]
    private static partial Regex RouteParameter();
}
