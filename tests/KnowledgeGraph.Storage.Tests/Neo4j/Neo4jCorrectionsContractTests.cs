namespace KnowledgeGraph.Storage.Tests.Neo4j;

/// <summary>
/// The corrections contract against a real Neo4j 5 (5.19+), when NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD are set;
/// otherwise every test is reported skipped with that reason. Each test starts from an emptied database (everything
/// but the schema record is deleted), so point it at a throwaway database; NEO4J_DATABASE picks one other than "neo4j".
/// </summary>
[Trait("Category", "Neo4j")]
[RequiresEnvironment("Neo4j", "NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")]
public sealed class Neo4jCorrectionsContractTests : CorrectionsContract
{
    protected override Task<IGraphStore> CreateStoreAsync() => Neo4jEnvironment.EmptiedStoreAsync();
}
