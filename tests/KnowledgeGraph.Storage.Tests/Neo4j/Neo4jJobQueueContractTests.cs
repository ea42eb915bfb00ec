using KnowledgeGraph.Storage.Jobs;
using KnowledgeGraph.Storage.Neo4j;

namespace KnowledgeGraph.Storage.Tests.Neo4j;

/// <summary>
/// The job queue contract against a real Neo4j 5 (5.19+), when NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD are set;
/// otherwise every test is reported skipped with that reason. Each test deletes every (:Job) first: use a throwaway
/// database (NEO4J_DATABASE picks one other than "neo4j").
/// </summary>
[Trait("Category", "Neo4j")]
[RequiresEnvironment("Neo4j", "NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")]
public sealed class Neo4jJobQueueContractTests : JobQueueContract
{
    private Neo4jQueryClient? _client;
    private TimeProvider _clock = TimeProvider.System;

    protected override async Task<IJobQueue> CreateQueueAsync(TimeProvider clock)
    {
        _client = Neo4jEnvironment.Client(Neo4jEnvironment.Options());
        _clock = clock;
        await new Neo4jSchemaMigrator(_client).MigrateAsync(CancellationToken.None);
        await _client.RunAsync("MATCH (j:Job) DETACH DELETE j", null, CancellationToken.None);
        return new Neo4jJobQueue(_client, clock);
    }

    protected override IJobQueue OpenAgain() => new Neo4jJobQueue(_client!, _clock);
}
