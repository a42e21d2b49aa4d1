using System.Text.Json;
using Ferry.Core.Jobs;
using Ferry.Data.Workflow;

namespace Ferry.Server.Infrastructure;

/// <summary>Reads the profile kept on a job; a profile that no longer reads is left out rather than failing the answer.</summary>
static class StoredProfile
{
    public static FileProfile? Read(MigrationJob job)
    {
        try
        {
            return JsonDocuments.Deserialize<FileProfile>(job.FileProfile) is { Tables.Count: > 0 } profile ? profile : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
