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
}
