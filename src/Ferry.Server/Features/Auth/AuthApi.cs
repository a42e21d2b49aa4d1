using System.Security.Claims;
using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Data;
using Ferry.Erp.Model;
using Ferry.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ferry.Server.Features.Auth;

static class AuthApi
{
    public static RouteGroupBuilder MapAuth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/auth").WithTags("Auth");
        group.MapPost("/token", IssueToken).AllowAnonymous().WithName(nameof(IssueToken));
        return group;
    }

    static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest request, FerryDbContext db, SymmetricSecurityKey key, AuthOptions options, CancellationToken cancellationToken)
    {
        var email = request.Email?.Trim().ToLowerInvariant();
        var user = string.IsNullOrEmpty(email)
            ? null
            : await db.Users.IgnoreQueryFilters([FerryDbContext.TenantFilter]).FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is null || string.IsNullOrEmpty(request.Password)
            || new PasswordHasher<User>().VerifyHashedPassword(user, user.PasswordHash, request.Password) == PasswordVerificationResult.Failed)
        {
            return TypedResults.Problem(
                detail: "The e-mail or password is wrong.",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Authentication failed",
                extensions: new Dictionary<string, object?> { ["error_code"] = ErrorCodes.InsufficientPermissions });
        }
        var role = user.Role.ToSnakeCase();
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.Issuer,
            Audience = AuthOptions.Issuer,
            Expires = DateTime.UtcNow + options.TokenLifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim("email", user.Email),
                new Claim("role", role),
                new Claim(AuthOptions.OrganizationClaim, user.OrganizationId.ToString()),
            ]),
        });
        return TypedResults.Ok(new TokenResponse(token, "Bearer", (long)options.TokenLifetime.TotalSeconds, role, user.OrganizationId));
    }
}
