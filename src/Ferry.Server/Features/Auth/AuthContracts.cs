using System.ComponentModel.DataAnnotations;
using Ferry.Server.Infrastructure;

namespace Ferry.Server.Features.Auth;

public sealed record TokenRequest([property: StringLength(RequestLimits.Email)] string? Email, [property: StringLength(RequestLimits.Password)] string? Password);

public sealed record TokenResponse(string AccessToken, string TokenType, long ExpiresIn, string Role, Guid OrganizationId);
