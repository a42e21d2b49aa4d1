namespace Ferry.Server.Infrastructure;

public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Base64 HMAC key for access tokens; when empty a key is generated once and kept beside the database.</summary>
    public string? SigningKey { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    public const string Issuer = "ferry";

    public const string OrganizationClaim = "org";
}
