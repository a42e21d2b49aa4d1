namespace Ferry.Server.Infrastructure;

/// <summary>What this process does: serve the API, run jobs, or both (the embedded default).</summary>
public enum ServerRole
{
    All,
    Api,
    Worker,
}
