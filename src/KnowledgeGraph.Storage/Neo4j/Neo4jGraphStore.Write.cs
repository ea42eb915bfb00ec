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
            await LockAsync(tx, now, ct);
            return await WriteBatchAsync(tx, batch, now, ct);
        }, cancellationToken);
    }

    /// <summary>One writer at a time across every process: batches and corrections read, then write what they read.</summary>
    private static Task LockAsync(Neo4jTransaction tx, DateTimeOffset now, CancellationToken ct) =>
        tx.RunAsync("MERGE (l:WriteLock {id: 'graph'}) SET l.at = $now", P(("now", Neo4jBatchPlan.Timestamp(now))), ct);

    /// <summary>
    /// Writes a batch inside a transaction holding the write lock: ids of nodes merged away are redirected to the node
    /// they went into, then the batch is merged with what the store holds and written; refused batches throw.
    /// </summary>
    private async Task<WriteResult> WriteBatchAsync(Neo4jTransaction tx, GraphBatch batch, DateTimeOffset now, CancellationToken ct)
    {
        var redirects = await ReadRedirectsAsync(tx, Neo4jBatchPlan.Needs(batch).Nodes, ct);
        batch = Redirected(batch, redirects);
        var (nodeIds, sourceIds, triples) = Neo4jBatchPlan.Needs(batch);
        var plan = new Neo4jBatchPlan(
            await ReadStoredNodesAsync(tx, nodeIds, ct),
            await ReadStoredSourcesAsync(tx, sourceIds, ct),
            await ReadStoredEdgesAsync(tx, triples, ct),
            now,
            redirects.Values);
        plan.Apply(batch);
        if (plan.Problems.Count > 0)
        {
            throw new GraphValidationException(plan.Problems);
        }

        await WriteAsync(tx, plan, ct);
        return plan.Result;
    }

    /// <summary>The node each of these ids was merged into, for the ids that were merged away.</summary>
    private async Task<Dictionary<string, string>> ReadRedirectsAsync(Neo4jTransaction tx, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var redirects = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(_options.RowsPerStatement))
        {
            var rows = await tx.RunAsync("UNWIND $ids AS id MATCH (m:Redirect {id: id}) RETURN m.id AS id, m.newId AS newId", P(("ids", chunk)), ct);
            foreach (var record in rows.Records)
            {
                redirects[record.GetString("id")] = record.GetString("newId");
            }
        }

        return redirects;
    }

    /// <summary>
    /// The batch as it should be written after merges: ids of nodes merged away name the node they went into. Lists
    /// keep their order and length, so a problem still names the item the caller sent.
    /// </summary>
    private static GraphBatch Redirected(GraphBatch batch, Dictionary<string, string> redirects)
    {
        if (redirects.Count == 0)
        {
            return batch;
        }

        string To(string id) => redirects.TryGetValue(id, out var to) ? to : id;
        var corrected = new GraphBatch();
        corrected.Sources.AddRange(batch.Sources);
        corrected.Nodes.AddRange(batch.Nodes.Select(n => n with { Id = To(n.Id), ParentId = n.ParentId is { } parent ? To(parent) : null }));
        corrected.Edges.AddRange(batch.Edges.Select(e => e with { From = To(e.From), To = To(e.To) }));
        return corrected;
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
                $"UNWIND $ids AS id MATCH (s:Source {{id: id}}) RETURN {Neo4jCypher.SourceColumns}, s.retractedAt AS retractedAt",
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
                RETURN {{Neo4jCypher.EdgeColumns}}, r.inConflict AS inConflict, {{Neo4jCypher.ResolutionColumns}},
                       COLLECT { MATCH (p:Provenance {edgeId: r.id}) RETURN p {.id, .sourceId, .claimedStart, .claimedEnd, .confidence, .recordedAt} } AS claims
                """,
                P(("triples", chunk.Select(t => new Dictionary<string, object?> { ["fromId"] = t.From, ["relation"] = Neo4jCypher.Type(t.Relation), ["toId"] = t.To }).ToList())),
                ct);
            edges.AddRange(rows.Records.Select(ReadStoredEdge));
        }

        return edges;
    }

    /// <summary>
    /// An edge read with <see cref="Neo4jCypher.EdgeColumns"/>, inConflict, <see cref="Neo4jCypher.ResolutionColumns"/>
    /// and its provenance as a "claims" list of maps (at least id, sourceId, claimedStart, claimedEnd, confidence, recordedAt).
    /// </summary>
    private static StoredEdge ReadStoredEdge(Neo4jRecord record)
    {
        var stored = new StoredEdge(ReadEdge(record), record.GetBoolean("inConflict"));
        stored.Resolutions.AddRange(ReadResolutions(record));
        stored.Claims.AddRange(record.GetList("claims").Select(c => new StoredClaim(
            Text(c, "id"),
            Text(c, "sourceId"),
            Text(c, "claimedStart"),
            Text(c, "claimedEnd"),
            Neo4jValue.AsDouble(Member(c, "confidence")) ?? 0.9,
            Text(c, "recordedAt"))));
        return stored;

        static string Text(JsonElement map, string name) => Neo4jValue.AsString(Member(map, name)) ?? string.Empty;
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

        await WriteClaimsAsync(tx, plan.NewClaims, ct);
    }

    /// <summary>New provenance: one node per claim, keyed like SQLite's rows, citing its source; an existing key is left as it is.</summary>
    private Task WriteClaimsAsync(Neo4jTransaction tx, IEnumerable<NewClaim> claims, CancellationToken ct) =>
        WriteRowsAsync(tx, """
            UNWIND $rows AS row
            MATCH (s:Source {id: row.sourceId})
            MERGE (p:Provenance {id: row.id})
            ON CREATE SET p.edgeId = row.edgeId, p.sourceId = row.sourceId, p.claimedStart = row.claimedStart, p.claimedEnd = row.claimedEnd,
                          p.quote = row.quote, p.note = row.note, p.quoteStart = row.quoteStart, p.quoteEnd = row.quoteEnd,
                          p.confidence = row.confidence, p.recordedAt = row.recordedAt
            MERGE (p)-[:CITES]->(s)
            """,
            claims.Select(c => Row(
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

    /// <summary>Runs the statement once per chunk of rows, the chunk as the list parameter <paramref name="name"/>.</summary>
    private async Task WriteRowsAsync<T>(Neo4jTransaction tx, string statement, IEnumerable<T> rows, CancellationToken ct, string name = "rows")
    {
        foreach (var chunk in rows.Chunk(_options.RowsPerStatement))
        {
            await tx.RunAsync(statement, P((name, chunk)), ct);
        }
    }

    private static Dictionary<string, object?> Row(params (string Name, object? Value)[] values) => P(values);
}
