using KnowledgeGraph.Storage.Neo4j;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage.Tests.Neo4j;

/// <summary>The real Neo4j the Category=Neo4j tests use: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and optionally NEO4J_DATABASE.</summary>
internal static class Neo4jEnvironment
{
    public static IOptions<Neo4jStoreOptions> Options() => Microsoft.Extensions.Options.Options.Create(new Neo4jStoreOptions
    {
        Uri = Environment.GetEnvironmentVariable("NEO4J_URI"),
        User = Environment.GetEnvironmentVariable("NEO4J_USER"),
        Password = Environment.GetEnvironmentVariable("NEO4J_PASSWORD"),
        Database = Environment.GetEnvironmentVariable("NEO4J_DATABASE") is { Length: > 0 } database ? database : "neo4j",
    });

    public static Neo4jQueryClient Client(IOptions<Neo4jStoreOptions> options) => new(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, options);

    /// <summary>A store on the emptied database (everything but the schema record deleted), its schema applied.</summary>
    public static async Task<IGraphStore> EmptiedStoreAsync()
    {
        var options = Options();
        var client = Client(options);
        await client.RunAsync("MATCH (n) WHERE NOT n:SchemaMigration CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", null, CancellationToken.None);
        var store = new Neo4jGraphStore(client, options);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
