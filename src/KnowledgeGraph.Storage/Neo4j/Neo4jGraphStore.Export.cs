using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// Keyset-paged reads of the whole graph (<see cref="IGraphExporter"/>). Ids are ordered by the range indexes the
/// uniqueness constraints give (graph-schema/neo4j/001_constraints.cypher); edges take each relationship type's first
/// page from its own index and keep the overall first ones, so a page is one statement whatever the graph's size.
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphExporter
{
    public async Task<IReadOnlyList<Source>> ReadSourcesAsync(string afterId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(afterId);
        if (limit <= 0)
        {
            return [];
        }

        var rows = await _client.RunAsync(
            """
            MATCH (s:Source) WHERE s.id > $after
            WITH s ORDER BY s.id LIMIT $limit
            RETURN s.id AS id, s.title AS title, s.url AS url, s.publishedOn AS publishedOn, s.contentHash AS contentHash, s.ingestedAt AS ingestedAt
            """,
            P(("after", afterId), ("limit", limit)),
            cancellationToken);
        return rows.Records.Select(ReadSource).ToList();
    }

    public async Task<IReadOnlyList<GraphNode>> ReadNodesAsync(string afterId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(afterId);
        if (limit <= 0)
        {
            return [];
        }

        var rows = await _client.RunAsync(
            $"MATCH (n:Node) WHERE n.id > $after WITH n ORDER BY n.id LIMIT $limit RETURN {Neo4jCypher.NodeColumns}",
            P(("after", afterId), ("limit", limit)),
            cancellationToken);
        return rows.Records.Select(ReadNode).ToList();
    }

    public async Task<IReadOnlyList<GraphEdge>> ReadEdgesAsync(string afterId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(afterId);
        if (limit <= 0)
        {
            return [];
        }

        // Types come from the Relation enum, never from input.
        var perType = string.Join("\n  UNION ALL\n", Relations.All.Select(r =>
            $"  MATCH (a:Node)-[r:{Neo4jCypher.Type(r)}]->(b:Node) WHERE r.id > $after WITH a, r, b ORDER BY r.id LIMIT $limit RETURN a, r, b"));
        var rows = await _client.RunAsync(
            $$"""
            CALL {
            {{perType}}
            }
            WITH a, r, b ORDER BY r.id LIMIT $limit
            RETURN {{Neo4jCypher.EdgeColumns}},
                   {{RefsColumn}}
            """,
            P(("after", afterId), ("limit", limit)),
            cancellationToken);
        return rows.Records.Select(ReadEdgeWithRefs).ToList();
    }
}
