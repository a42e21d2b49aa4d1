namespace Ferry.Erp.Model;

public sealed class User
{
    public long Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Email { get; set; }

    public required string DisplayName { get; set; }

    public required string PasswordHash { get; set; }

    public UserRole Role { get; set; }

    public DateTime CreatedAt { get; set; }
}
