namespace Ferry.Server.Features.Auth;

public sealed record TokenRequest(string? Email, string? Password);

public sealed record TokenResponse(string AccessToken, string TokenType, long ExpiresIn, string Role, Guid OrganizationId);
