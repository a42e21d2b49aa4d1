using System.Security.Claims;
using Ferry.Data;

namespace Ferry.Server.Infrastructure;

static class TenantScopeMiddleware
{
    /// <summary>Scopes every database query of the request to the organization named in the caller's token.</summary>
    public static IApplicationBuilder UseTenantScope(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.FindFirstValue(AuthOptions.OrganizationClaim) is { } org && Guid.TryParse(org, out var organizationId))
        {
            context.RequestServices.GetRequiredService<TenantScope>().OrganizationId = organizationId;
        }
        await next(context);
    });

    public static Guid OrganizationId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(AuthOptions.OrganizationClaim) ?? throw new InvalidOperationException("The token names no organization."));

    public static long? UserId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub"), out var id) ? id : null;
}
