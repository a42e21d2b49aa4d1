namespace Ferry.Data.Tests.Infrastructure;

/// <summary>A clock that stands still at the time it is given, to make leases look expired to one queue.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
