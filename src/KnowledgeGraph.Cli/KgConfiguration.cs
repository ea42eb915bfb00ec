using Microsoft.Extensions.Configuration;

namespace KnowledgeGraph.Cli;

/// <summary>
/// The same configuration the host reads: appsettings.json (beside the program, then the current folder),
/// then environment variables (Data__Path=/some/dir).
/// </summary>
internal static class KgConfiguration
{
    public static IConfiguration Load() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static string DatabasePath(IConfiguration configuration) =>
        Path.Combine(Path.GetFullPath(configuration["Data:Path"] is { Length: > 0 } path ? path : "data"), "graph.db");
}
