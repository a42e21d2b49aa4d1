using Ferry.Core;

namespace Ferry.Server.Infrastructure;

/// <summary>Turns away query values holding a NUL character, which no parameter means and no database stores.</summary>
static class QueryTextCheck
{
    public static IApplicationBuilder UseQueryTextCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        foreach (var (name, values) in context.Request.Query)
        {
            if (values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                throw new FerryException(ErrorCodes.InvalidRequest, $"The query parameter '{Echo.Of(name)}' contains a NUL character; remove it.") { Field = Echo.Of(name) };
            }
        }
        await next(context);
    });
}
