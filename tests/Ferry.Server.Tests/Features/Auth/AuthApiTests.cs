using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using Ferry.Erp.Model;
using Ferry.Server.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ferry.Server.Tests.Features.Auth;

public sealed class AuthApiTests(FerryApp app) : IClassFixture<FerryApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_seeded_super_admin_gets_a_bearer_token_for_the_demo_organization()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = FerryApp.AdminEmail, password = FerryApp.AdminPassword }, Ct);

        await FerryApi.ExpectAsync(response, HttpStatusCode.OK);
        var token = await response.ReadJsonAsync();
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.False(string.IsNullOrEmpty(token.GetProperty("access_token").GetString()));
        Assert.Equal(8 * 3600, token.GetProperty("expires_in").GetInt64());
        Assert.Equal("super_admin", token.GetProperty("role").GetString());
        Assert.NotEqual(Guid.Empty, token.GetProperty("organization_id").GetGuid());
    }

    [Fact]
    public async Task A_valid_token_opens_the_migration_api()
    {
        using var client = await app.AdminClientAsync();

        var jobs = await client.GetJsonAsync(FerryApi.Jobs);

        Assert.True(jobs.TryGetProperty("items", out _));
        Assert.Equal(1, jobs.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task The_e_mail_is_matched_without_regard_to_case_or_surrounding_spaces()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = $"  {FerryApp.AdminEmail.ToUpperInvariant()} ", password = FerryApp.AdminPassword }, Ct);

        await FerryApi.ExpectAsync(response, HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(FerryApp.AdminEmail, "wrong-password")]
    [InlineData(FerryApp.AdminEmail, "")]
    [InlineData("nobody@ferry.test", FerryApp.AdminPassword)]
    public async Task A_wrong_password_or_unknown_user_is_refused_with_MIG006(string email, string password)
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, Ct);

        var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.Unauthorized, "MIG006");
        Assert.DoesNotContain("access_token", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/migration/jobs")]
    [InlineData("/api/v1/erp/contacts")]
    [InlineData("/api/v1/erp/company")]
    public async Task A_request_without_a_token_is_refused_with_MIG006(string url)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(url, Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.Unauthorized, "MIG006");
    }

    [Fact]
    public async Task Creating_a_job_without_a_token_creates_nothing()
    {
        using var anonymous = app.CreateClient();
        var name = $"anonymous {TestData.Tag()}";

        using var response = await anonymous.PostAsJsonAsync(FerryApi.Jobs, new { name, data_types = new[] { "contacts" } }, Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.Unauthorized, "MIG006");
        using var admin = await app.AdminClientAsync();
        Assert.DoesNotContain((await admin.GetJsonAsync($"{FerryApi.Jobs}?page_size=500")).Items(), j => j.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        using var admin = await app.AdminClientAsync();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            Token(RandomNumberGenerator.GetBytes(32), await DemoOrganizationAsync(admin), DateTime.UtcNow.AddHours(1)));

        using var response = await client.GetAsync(FerryApi.Jobs, Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.Unauthorized, "MIG006");
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        using var admin = await app.AdminClientAsync();
        using var client = app.CreateClient();
        var organization = await DemoOrganizationAsync(admin);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(app.SigningKey, organization, DateTime.UtcNow.AddMinutes(-10)));
        using var fresh = app.CreateClient();
        fresh.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(app.SigningKey, organization, DateTime.UtcNow.AddMinutes(10)));

        using var expired = await client.GetAsync(FerryApi.Jobs, Ct);
        using var current = await fresh.GetAsync(FerryApi.Jobs, Ct);

        await FerryApi.ExpectProblemAsync(expired, HttpStatusCode.Unauthorized, "MIG006");
        await FerryApi.ExpectAsync(current, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_standard_user_may_not_use_the_migration_api()
    {
        using var client = await app.ClientOfNewOrganizationAsync(UserRole.Standard);

        using var list = await client.GetAsync(FerryApi.Jobs, Ct);
        using var create = await client.PostAsJsonAsync(FerryApi.Jobs, new { name = "not allowed", data_types = new[] { "contacts" } }, Ct);

        await FerryApi.ExpectProblemAsync(list, HttpStatusCode.Forbidden, "MIG006");
        await FerryApi.ExpectProblemAsync(create, HttpStatusCode.Forbidden, "MIG006");
    }

    static async Task<Guid> DemoOrganizationAsync(HttpClient admin) =>
        (await admin.GetJsonAsync("/api/v1/erp/warehouses")).Items().First().GetProperty("organization_id").GetGuid();

    /// <summary>A super-admin token as the server would issue it, but signed with <paramref name="key"/> and expiring at <paramref name="expires"/>.</summary>
    static string Token(byte[] key, Guid organizationId, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "ferry",
        Audience = "ferry",
        NotBefore = expires.AddHours(-2),
        IssuedAt = expires.AddHours(-2),
        Expires = expires,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        Subject = new ClaimsIdentity(
        [
            new Claim("sub", "1"),
            new Claim("email", FerryApp.AdminEmail),
            new Claim("role", "super_admin"),
            new Claim("org", organizationId.ToString()),
        ]),
    });
}
