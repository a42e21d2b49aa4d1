using System.Text.Json;
using Ferry.Data.Workflow;

namespace Ferry.Cli;

static class JsonOutput
{
    static readonly JsonSerializerOptions Indented = new(JsonDocuments.Options) { WriteIndented = true };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Indented));
}
