namespace Ferry.Server.Infrastructure;

/// <summary>The longest text each kind of request field takes; each matches or undercuts its database column.</summary>
static class RequestLimits
{
    public const int Code = 50;
    public const int Name = 200;
    public const int Description = 2000;
    public const int DataTypes = 20;
    public const int Email = 254;
    public const int Password = 200;
    public const int SourceField = 300;
    public const int TargetField = 100;
    public const int FieldType = 30;
    public const int Rule = 1000;
    public const int DefaultValue = 500;
}
