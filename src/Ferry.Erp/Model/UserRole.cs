namespace Ferry.Erp.Model;

public enum UserRole
{
    SuperAdmin,
    MigrationUser,
    Standard,
}
