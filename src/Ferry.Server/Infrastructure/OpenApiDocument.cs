using Ferry.Core;

namespace Ferry.Server.Infrastructure;

/// <summary>Serves the one OpenAPI document, and answers any other document name as a problem like every other 404.</summary>
static class OpenApiDocument
{
    const string Name = "v1";

    public static void MapOpenApiDocument(this WebApplication app)
    {
        // The document endpoint is a route handler whose documentName binds from the route or the query.
        ((RouteHandlerBuilder)app.MapOpenApi()).AddEndpointFilter(async (context, next) =>
        {
            var asked = context.HttpContext.GetRouteValue("documentName") as string ?? context.HttpContext.Request.Query["documentName"].FirstOrDefault() ?? Name;
            return asked == Name
                ? await next(context)
                : throw new FerryException(ErrorCodes.NotFound, $"There is no OpenAPI document '{Echo.Of(asked)}'; the API is described at /openapi/{Name}.json.");
        });
    }
}
