using System.Text.Json;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// Batch writes: validated first, then one explicit transaction that takes the graph's write lock, reads what the
/// batch touches, merges in memory with the domain rules (<see cref="Neo4jBatchPlan"/>), and writes the changes with
/// UNWIND … MERGE statements of a few thousand rows. A refused batch rolls back; a transient failure re-runs the whole
/// transaction, which is safe because every write is a MERGE on a stable id.
/// </summary>
public sealed partial class Neo4jGraphStore
{
    public async Task<WriteResult> ApplyAsync(GraphBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var problems = BatchValidator.Validate(batch);
        if (problems.Count > 0)
        {
            throw new GraphValidationException(problems);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (batch.IsEmpty)
        {
            return WriteResult.Empty;
        }

        return await _client.InTransactionAsync(async (tx, ct) =>
        {
            var now = _clock.GetUtcNow();

            // One writer at a time across every process: batches read, then write what they read.
            await tx.RunAsync("MERGE (l:WriteLock {id: 'graph'}) SET l.at = $now", P(("now", Neo4jBatchPlan.Timestamp(now))), ct);
            var (nodeIds, sourceIds, triples) = Neo4jBatchPlan.Needs(batch);
            var plan = new Neo4jBatchPlan(
                await ReadStoredNodesAsync(tx, nodeIds, ct),
                await ReadStoredSourcesAsync(tx, sourceIds, ct),
                await ReadStoredEdgesAsync(tx, triples, ct),
                now);
            plan.Apply(batch);
            if (plan.Problems.Count > 0)
            {
                throw new GraphValidationException(plan.Problems);
            }

            await WriteAsync(tx, plan, ct);
            return plan.Result;
        }, cancellationToken);
    }

    private async Task<List<StoredNode>> ReadStoredNodesAsync(Neo4jTransaction tx, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var nodes = new List<StoredNode>();
        foreach (var chunk in ids.Chunk(_options.RowsPerStatement))
        {
            var rows = await tx.RunAsync(
                $"UNWIND $ids AS id MATCH (n:Node {{id: id}}) RETURN {Neo4jCypher.NodeColumns}, n.norms AS norms",
                P(("ids", chunk)),
                ct);
            nodes.AddRange(rows.Records.Select(r => new StoredNode(r.GetString("id"), Enum.Parse<NodeKind>(r.GetString("kind")), r.GetString("name"), r.GetStringList("names").ToList(), r.GetStringList("norms").ToList())
            {
                OrganizationKind = r.GetStringOrNull("orgKind") is { } k ? Enum.Parse<OrganizationKind>(k) : null,
                ParentId = r.GetStringOrNull("parentId"),
                Year = r.GetInt64OrNull("year") is { } year ? (int)year : null,
                Venue = r.GetStringOrNull("venue"),
            }));
        }

        return nodes;
    }

    private async Task<List<Source>> ReadStoredSourcesAsync(Neo4jTransaction tx, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var sources = new List<Source>();
        foreach (var chunk in ids.Chunk(_options.RowsPerStatement))
        {
            var rows = await tx.RunAsync(
                "UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN s.id AS id, s.title AS title, s.url AS url, s.publishedOn AS publishedOn, s.contentHash AS contentHash, s.ingestedAt AS ingestedAt",
                P(("ids", chunk)),
                ct);
            sources.AddRange(rows.Records.Select(ReadSource));
        }

        return sources;
    }

    private async Task<List<StoredEdge>> ReadStoredEdgesAsync(Neo4jTransaction tx, IReadOnlyList<(string From, Relation Relation, string To)> triples, CancellationToken ct)
    {
        var edges = new List<StoredEdge>();
        foreach (var chunk in triples.Chunk(_options.RowsPerStatement))
        {
            var rows = await tx.RunAsync(
                $$"""
                UNWIND $triples AS t
                MATCH (a:Node {id: t.fromId})-[r:{{Neo4jCypher.AllTypes}}]->(b:Node {id: t.toId})
                WHERE type(r) = t.relation
                RETURN {{Neo4jCypher.EdgeColumns}}, r.inConflict AS inConflict,
                       COLLECT { MATCH (p:Provenance {edgeId: r.id}) RETURN p {.id, .sourceId, .claimedStart, .claimedEnd, .confidence, .recordedAt} } AS claims
                """,
                P(("triples", chunk.Select(t => new Dictionary<string, object?> { ["fromId"] = t.From, ["relation"] = Neo4jCypher.Type(t.Relation), ["toId"] = t.To }).ToList())),
                ct);
            foreach (var record in rows.Records)
            {
                var stored = new StoredEdge(ReadEdge(record), record.GetBoolean("inConflict"));
                stored.Claims.AddRange(record.GetList("claims").Select(c => new StoredClaim(
                    Text(c, "id"),
                    Text(c, "sourceId"),
                    Text(c, "claimedStart"),
                    Text(c, "claimedEnd"),
                    Neo4jValue.AsDouble(Neo4jValue.Unwrap(c).GetProperty("confidence")) ?? 0.9,
                    Text(c, "recordedAt"))));
                edges.Add(stored);
            }
        }

        return edges;

        static string Text(JsonElement map, string name)
        {
            map = Neo4jValue.Unwrap(map);
            return map.TryGetProperty(name, out var value) ? Neo4jValue.AsString(value) ?? string.Empty : string.Empty;
        }
    }

    private async Task WriteAsync(Neo4jTransaction tx, Neo4jBatchPlan plan, CancellationToken ct)
    {
        await WriteRowsAsync(tx, """
            UNWIND $rows AS row
            MERGE (s:Source {id: row.id})
            ON CREATE SET s.ingestedAt = row.ingestedAt
            SET s.title = row.title, s.url = row.url, s.publishedOn = row.publishedOn, s.contentHash = row.contentHash
            """,
            plan.ChangedSources.Values.Select(s => Row(
                ("id", s.Id),
                ("title", s.Title),
                ("url", s.Url),
                ("publishedOn", s.PublishedOn?.ToString()),
                ("contentHash", s.ContentHash),
                ("ingestedAt", Neo4jBatchPlan.Timestamp(s.IngestedAt)))),
            ct);

        foreach (var kind in plan.ChangedNodes.Values.GroupBy(n => n.Kind))
        {
            // The label comes from the NodeKind enum, never from input.
            await WriteRowsAsync(tx, $$"""
                UNWIND $rows AS row
                MERGE (n:Node {id: row.id})
                ON CREATE SET n.createdAt = row.now
                SET n:{{Neo4jCypher.Label(kind.Key)}}, n.kind = row.kind, n.name = row.name, n.names = row.names, n.norms = row.norms,
                    n.search = row.search, n.orgKind = row.orgKind, n.parentId = row.parentId, n.year = row.year, n.venue = row.venue
                WITH n, row
                UNWIND row.newNorms AS norm
                MERGE (m:Name {id: norm})
                MERGE (n)-[:NAMED]->(m)
                """,
                kind.Select(n => Row(
                    ("id", n.Id),
                    ("kind", n.Kind.ToString()),
                    ("name", n.Name),
                    ("names", n.Names),
                    ("norms", n.Norms),
                    ("newNorms", n.NewNorms),
                    ("search", SearchText.Document(n.Names)),
                    ("orgKind", n.OrganizationKind?.ToString()),
                    ("parentId", n.ParentId),
                    ("year", n.Year),
                    ("venue", n.Venue),
                    ("now", plan.Now))),
                ct);
        }

        foreach (var relation in plan.ChangedEdges.Values.GroupBy(e => e.Edge.Relation))
        {
            // The relationship type comes from the Relation enum, never from input.
            await WriteRowsAsync(tx, $$"""
                UNWIND $rows AS row
                MATCH (a:Node {id: row.fromId}), (b:Node {id: row.toId})
                MERGE (a)-[r:{{Neo4jCypher.Type(relation.Key)}} {id: row.id}]->(b)
                ON CREATE SET r.recordedAt = row.recordedAt
                SET r.role = row.role, r.start = row.start, r.`end` = row.finish, r.confidence = row.confidence, r.inConflict = row.inConflict
                """,
                relation.Select(e => Row(
                    ("id", e.Edge.Id),
                    ("fromId", e.Edge.From),
                    ("toId", e.Edge.To),
                    ("role", e.Edge.Role),
                    ("start", e.Edge.Start?.ToString()),
                    ("finish", e.Edge.End?.ToString()),
                    ("confidence", e.Edge.Confidence),
                    ("inConflict", e.InConflict),
                    ("recordedAt", Neo4jBatchPlan.Timestamp(e.Edge.RecordedAt)))),
                ct);
        }

        await WriteRowsAsync(tx, """
            UNWIND $rows AS row
            MATCH (s:Source {id: row.sourceId})
            MERGE (p:Provenance {id: row.id})
            ON CREATE SET p.edgeId = row.edgeId, p.sourceId = row.sourceId, p.claimedStart = row.claimedStart, p.claimedEnd = row.claimedEnd,
                          p.quote = row.quote, p.note = row.note, p.quoteStart = row.quoteStart, p.quoteEnd = row.quoteEnd,
                          p.confidence = row.confidence, p.recordedAt = row.recordedAt
            MERGE (p)-[:CITES]->(s)
            """,
            plan.NewClaims.Select(c => Row(
                ("id", c.Id),
                ("edgeId", c.EdgeId),
                ("sourceId", c.Ref.SourceId),
                ("claimedStart", c.ClaimedStart),
                ("claimedEnd", c.ClaimedEnd),
                ("quote", c.Ref.Quote ?? string.Empty),
                ("note", c.Ref.Note ?? string.Empty),
                ("quoteStart", c.Ref.QuoteStart),
                ("quoteEnd", c.Ref.QuoteEnd),
                ("confidence", c.Ref.Confidence),
                ("recordedAt", c.RecordedAt))),
            ct);
    }

    private async Task WriteRowsAsync(Neo4jTransaction tx, string statement, IEnumerable<Dictionary<string, object?>> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(_options.RowsPerStatement))
        {
            await tx.RunAsync(statement, P(("rows", chunk)), ct);
        }
    }

    private static Dictionary<string, object?> Row(params (string Name, object? Value)[] values) => P(values);
}
