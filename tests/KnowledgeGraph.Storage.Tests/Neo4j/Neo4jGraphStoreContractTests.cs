using KnowledgeGraph.Storage.Neo4j;

namespace KnowledgeGraph.Storage.Tests.Neo4j;

/// <summary>
/// The store contract against a real Neo4j 5 (5.19+), when NEO4J_URI (the HTTP address, such as http://127.0.0.1:7474),
/// NEO4J_USER and NEO4J_PASSWORD are set; otherwise every test is reported skipped with that reason. Each test starts
/// from an emptied database (everything but the schema record is deleted), so point it at a throwaway database;
/// NEO4J_DATABASE picks one other than "neo4j".
/// </summary>
[Trait("Category", "Neo4j")]
[RequiresEnvironment("Neo4j", "NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")]
public sealed class Neo4jGraphStoreContractTests : GraphStoreContract
{
    protected override async Task<IGraphStore> CreateStoreAsync()
    {
        var options = Neo4jEnvironment.Options();
        var client = Neo4jEnvironment.Client(options);
        await client.RunAsync("MATCH (n) WHERE NOT n:SchemaMigration CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", null, CancellationToken.None);
        var store = new Neo4jGraphStore(client, options);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
