using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Neo4j;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Cli;

/// <summary>
/// The same configuration the host reads: appsettings.json (beside the program, then the current folder),
/// then environment variables (Data__Path=/some/dir, Store__Kind=Neo4j, Store__Neo4j__Uri=http://neo4j:7474).
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

    /// <summary>
    /// The store the configuration names (Store:Kind: the embedded file under Data:Path, or Neo4j from Store:Neo4j:*),
    /// with its job queue and schema. The provider lives as long as the command: `kg` is one short process.
    /// </summary>
    public static ServiceProvider StoreServices(IConfiguration configuration) =>
        new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddGraphStore(configuration, _ => DatabasePath(configuration))
            .BuildServiceProvider();

    /// <summary>Which store a command works on, for its output; never the password or token.</summary>
    public static string Describe(IConfiguration configuration) => StoreOptions.KindOf(configuration) switch
    {
        StoreKind.Neo4j => (configuration.GetSection(Neo4jStoreOptions.Section).Get<Neo4jStoreOptions>() ?? new Neo4jStoreOptions()).ToString(),
        _ => DatabasePath(configuration),
    };
}
