using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// The store on Neo4j, over its HTTP Query API. Nodes carry a kind label and :Node; edges are relationships of their
/// relation type; provenance is a (:Provenance)-[:CITES]->(:Source) node per claim, keyed like SQLite's rows; conflicts
/// are an inConflict flag on the edge; corrections add retractedAt on sources, a person's choices (resolved*) on
/// relationships and (:Redirect) nodes for merged ids. Reads taking many ids are one UNWIND statement; a batch, and
/// each correction, is one transaction.
/// See graph-schema/neo4j/README.md for the whole layout.
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore
{
    private readonly Neo4jQueryClient _client;
    private readonly Neo4jStoreOptions _options;
    private readonly TimeProvider _clock;

    public Neo4jGraphStore(Neo4jQueryClient client, IOptions<Neo4jStoreOptions> options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options.Value;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Applies the missing schema files, or with Store:Neo4j:ApplySchemaOnStart = false only checks none is missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var schema = new Neo4jSchemaMigrator(_client, _clock);
        if (_options.ApplySchemaOnStart)
        {
            await schema.MigrateAsync(cancellationToken);
        }
        else
        {
            await schema.EnsureCurrentAsync(cancellationToken);
        }
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await _client.RunAsync("RETURN 1 AS ok", null, cancellationToken);
            return result.Records.Count == 1;
        }
        catch (Neo4jException)
        {
            return false;
        }
    }

    public async Task<IReadOnlyDictionary<string, GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return result;
        }

        var rows = await _client.RunAsync(
            $"UNWIND $ids AS id MATCH (n:Node {{id: id}}) RETURN {Neo4jCypher.NodeColumns}",
            P(("ids", ids.Distinct(StringComparer.Ordinal).ToList())),
            cancellationToken);
        foreach (var record in rows.Records)
        {
            var node = ReadNode(record);
            result[node.Id] = node;
        }

        return result;
    }

    public async Task<IReadOnlyList<GraphNode>> FindByNameAsync(string name, NodeKind? kind, CancellationToken cancellationToken)
    {
        var norm = NameNormalizer.Normalize(name);
        if (norm.Length == 0)
        {
            return [];
        }

        var rows = await _client.RunAsync(
            $"MATCH (:Name {{id: $norm}})<-[:NAMED]-(n:Node) WHERE $kind IS NULL OR n.kind = $kind RETURN {Neo4jCypher.NodeColumns}",
            P(("norm", norm), ("kind", kind?.ToString())),
            cancellationToken);

        // The node whose own name matches comes before one that only has it as an alias.
        return rows.Records.Select(ReadNode)
            .OrderBy(n => NameNormalizer.Normalize(n.Name) == norm ? 0 : 1)
            .ThenBy(n => n.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<GraphNode>> SearchAsync(string text, int first, CancellationToken cancellationToken)
    {
        var query = SearchText.Query(text);
        if (query is null || first <= 0)
        {
            return [];
        }

        var rows = await _client.RunAsync(
            $"""
            CALL db.index.fulltext.queryNodes('node_search', $query) YIELD node, score
            WITH node AS n, score WHERE n:Node
            ORDER BY score DESC, size(n.search), n.id
            LIMIT $first
            RETURN {Neo4jCypher.NodeColumns}
            """,
            P(("query", query), ("first", first)),
            cancellationToken);
        return rows.Records.Select(ReadNode).ToList();
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<GraphEdge>>> GetEdgesFromAsync(IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<Relation>? relations, CancellationToken cancellationToken) =>
        GetEdgesByEndAsync($"MATCH (a:Node {{id: id}})-[r:{Neo4jCypher.AllTypes}]->(b:Node)", nodeIds, relations, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<GraphEdge>>> GetEdgesToAsync(IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<Relation>? relations, CancellationToken cancellationToken) =>
        GetEdgesByEndAsync($"MATCH (a:Node)-[r:{Neo4jCypher.AllTypes}]->(b:Node {{id: id}})", nodeIds, relations, cancellationToken);

    public async Task<IReadOnlyDictionary<string, GraphEdge>> GetEdgesAsync(IReadOnlyCollection<string> edgeIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, GraphEdge>(StringComparer.Ordinal);
        if (edgeIds.Count == 0)
        {
            return result;
        }

        var rows = await _client.RunAsync(
            $"UNWIND $ids AS id\n{Neo4jCypher.EdgesWhere("id", "id")}\nRETURN {Neo4jCypher.EdgeColumns}",
            P(("ids", edgeIds.Distinct(StringComparer.Ordinal).ToList())),
            cancellationToken);
        foreach (var record in rows.Records)
        {
            var edge = ReadEdge(record);
            result[edge.Id] = edge;
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<SourceRef>>> GetSourceRefsAsync(IReadOnlyCollection<string> edgeIds, CancellationToken cancellationToken)
    {
        var result = edgeIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => new List<SourceRef>(), StringComparer.Ordinal);
        if (result.Count > 0)
        {
            var rows = await _client.RunAsync(
                """
                UNWIND $ids AS id
                MATCH (p:Provenance {edgeId: id})
                RETURN p.edgeId AS edgeId, p {.sourceId, .claimedStart, .claimedEnd, .quote, .note, .quoteStart, .quoteEnd, .confidence, .recordedAt} AS ref
                ORDER BY p.recordedAt, p.sourceId
                """,
                P(("ids", result.Keys.ToList())),
                cancellationToken);
            foreach (var record in rows.Records)
            {
                result[record.GetString("edgeId")].Add(ReadSourceRef(record["ref"]));
            }
        }

        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<SourceRef>)p.Value, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, Source>> GetSourcesAsync(IReadOnlyCollection<string> sourceIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Source>(StringComparer.Ordinal);
        if (sourceIds.Count == 0)
        {
            return result;
        }

        var rows = await _client.RunAsync(
            $"UNWIND $ids AS id MATCH (s:Source {{id: id}}) RETURN {Neo4jCypher.SourceColumns}, s.retractedAt AS retractedAt",
            P(("ids", sourceIds.Distinct(StringComparer.Ordinal).ToList())),
            cancellationToken);
        foreach (var record in rows.Records)
        {
            var source = ReadSource(record);
            result[source.Id] = source;
        }

        return result;
    }

    public async Task<IReadOnlyList<GraphEdge>> GetConflictedEdgesAsync(int first, int offset, CancellationToken cancellationToken)
    {
        if (first <= 0)
        {
            return [];
        }

        var rows = await _client.RunAsync(
            $$"""
            {{Neo4jCypher.EdgesFlagged("inConflict")}}
            WITH a, r, b ORDER BY r.id SKIP $offset LIMIT $first
            RETURN {{Neo4jCypher.EdgeColumns}},
                   {{RefsColumn}}
            """,
            P(("first", first), ("offset", Math.Max(0, offset))),
            cancellationToken);
        return rows.Records.Select(ReadEdgeWithRefs).ToList();
    }

    /// <summary>The provenance of edge r, read beside it as "refs" (see <see cref="ReadEdgeWithRefs"/>).</summary>
    private const string RefsColumn =
        "COLLECT { MATCH (p:Provenance {edgeId: r.id}) RETURN p {.sourceId, .claimedStart, .claimedEnd, .quote, .note, .quoteStart, .quoteEnd, .confidence, .recordedAt} } AS refs";

    /// <summary>An edge row with its <see cref="RefsColumn"/>, the sources in the order they were recorded.</summary>
    private static GraphEdge ReadEdgeWithRefs(Neo4jRecord record) => ReadEdge(record) with
    {
        Sources = record.GetList("refs")
            .OrderBy(r => Neo4jValue.AsString(Member(r, "recordedAt")), StringComparer.Ordinal)
            .ThenBy(r => Neo4jValue.AsString(Member(r, "sourceId")), StringComparer.Ordinal)
            .Select(ReadSourceRef)
            .ToList(),
    };

    public async Task<string?> GetMetaAsync(string key, CancellationToken cancellationToken)
    {
        var rows = await _client.RunAsync("MATCH (m:Meta {id: $key}) RETURN m.value AS value", P(("key", key)), cancellationToken);
        return rows.Records.Count == 0 ? null : rows.Records[0].GetStringOrNull("value");
    }

    public async Task SetMetaAsync(string key, string value, CancellationToken cancellationToken) =>
        await _client.RunAsync("MERGE (m:Meta {id: $key}) SET m.value = $value", P(("key", key), ("value", value)), cancellationToken);

    public async Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        var rows = await _client.RunAsync(
            $$"""
            CALL { MATCH (n:Node) RETURN count(n) AS nodes }
            CALL { MATCH (:Node)-[r:{{Neo4jCypher.AllTypes}}]->(:Node) RETURN count(r) AS edges }
            CALL { MATCH (s:Source) RETURN count(s) AS sources }
            CALL { MATCH (p:Provenance) RETURN count(p) AS provenance }
            RETURN nodes, edges, sources, provenance
            """,
            null,
            cancellationToken);
        var record = rows.Records.Single();
        return new GraphStats(record.GetInt64("nodes"), record.GetInt64("edges"), record.GetInt64("sources"), record.GetInt64("provenance"));
    }

    public async Task<GraphBreakdown> GetBreakdownAsync(CancellationToken cancellationToken)
    {
        var kinds = Enum.GetValues<NodeKind>().ToDictionary(k => k, _ => 0L);
        var relations = Relations.All.ToDictionary(r => r, _ => 0L);
        var byKind = await _client.RunAsync("MATCH (n:Node) RETURN n.kind AS kind, count(n) AS count", null, cancellationToken);
        foreach (var record in byKind.Records)
        {
            if (Enum.TryParse<NodeKind>(record.GetString("kind"), out var kind))
            {
                kinds[kind] = record.GetInt64("count");
            }
        }

        var byRelation = await _client.RunAsync(
            $"MATCH (:Node)-[r:{Neo4jCypher.AllTypes}]->(:Node) RETURN type(r) AS relation, count(r) AS count, sum(CASE WHEN r.inConflict THEN 1 ELSE 0 END) AS conflicts",
            null,
            cancellationToken);
        long conflicts = 0;
        foreach (var record in byRelation.Records)
        {
            if (Relations.TryParse(record.GetString("relation"), out var relation))
            {
                relations[relation] = record.GetInt64("count");
            }

            conflicts += record.GetInt64("conflicts");
        }

        return new GraphBreakdown(kinds, relations, conflicts);
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<GraphEdge>>> GetEdgesByEndAsync(string match, IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<Relation>? relations, CancellationToken cancellationToken)
    {
        var result = nodeIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => new List<GraphEdge>(), StringComparer.Ordinal);
        if (result.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<GraphEdge>>(StringComparer.Ordinal);
        }

        // match is one of two constant patterns chosen by the caller, never input.
        var rows = await _client.RunAsync(
            $"UNWIND $ids AS id\n{match}\nWHERE $relations IS NULL OR type(r) IN $relations\nRETURN id AS asked, {Neo4jCypher.EdgeColumns}",
            P(("ids", result.Keys.ToList()), ("relations", relations?.Select(Neo4jCypher.Type).Distinct().ToList())),
            cancellationToken);
        foreach (var record in rows.Records)
        {
            result[record.GetString("asked")].Add(ReadEdge(record));
        }

        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<GraphEdge>)p.Value, StringComparer.Ordinal);
    }

    internal static Dictionary<string, object?> P(params (string Name, object? Value)[] parameters) =>
        parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    private static GraphNode ReadNode(Neo4jRecord record)
    {
        var name = record.GetString("name");
        var norm = NameNormalizer.Normalize(name);
        var aliases = record.GetStringList("names")
            .Where(a => NameNormalizer.Normalize(a) != norm)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new GraphNode(record.GetString("id"), Enum.Parse<NodeKind>(record.GetString("kind")), name, aliases)
        {
            OrganizationKind = record.GetStringOrNull("orgKind") is { } k ? Enum.Parse<OrganizationKind>(k) : null,
            ParentId = record.GetStringOrNull("parentId"),
            Year = record.GetInt64OrNull("year") is { } year ? (int)year : null,
            Venue = record.GetStringOrNull("venue"),
        };
    }

    internal static GraphEdge ReadEdge(Neo4jRecord record)
    {
        var id = record.GetString("id");
        var relation = record.GetString("relation");
        return new GraphEdge(id, Relations.TryParse(relation, out var r) ? r : throw new InvalidDataException($"unknown relation '{relation}' in edge {id}"), record.GetString("fromId"), record.GetString("toId"))
        {
            Role = record.GetStringOrNull("role"),
            Start = Date(record.GetStringOrNull("start")),
            End = Date(record.GetStringOrNull("finish")),
            Confidence = record.GetDouble("confidence"),
            RecordedAt = DateTimeOffset.Parse(record.GetString("recordedAt"), CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A source from <see cref="Neo4jCypher.SourceColumns"/>, with retractedAt when the statement read it.</summary>
    private static Source ReadSource(Neo4jRecord record) =>
        new(record.GetString("id"), record.GetStringOrNull("title"), record.GetStringOrNull("url"), Date(record.GetStringOrNull("publishedOn")), DateTimeOffset.Parse(record.GetString("ingestedAt"), CultureInfo.InvariantCulture))
        {
            ContentHash = record.GetStringOrNull("contentHash"),
            RetractedAt = record.Has("retractedAt") ? Stamp(record.GetStringOrNull("retractedAt")) : null,
        };

    /// <summary>The choices held on a relationship read with <see cref="Neo4jCypher.ResolutionColumns"/> (and its id as "id").</summary>
    internal static IEnumerable<ConflictResolution> ReadResolutions(Neo4jRecord record)
    {
        foreach (var field in new[] { ConflictResolution.EndField, ConflictResolution.StartField })
        {
            var property = Neo4jCypher.ResolvedProperty(field);
            if (record.GetStringOrNull(property) is { Length: > 0 } value)
            {
                yield return new ConflictResolution(record.GetString("id"), field, PartialDate.Parse(value), Stamp(record.GetStringOrNull(property + "At")) ?? DateTimeOffset.UnixEpoch)
                {
                    Note = EmptyToNull(record.GetStringOrNull(property + "Note")),
                };
            }
        }
    }

    private static DateTimeOffset? Stamp(string? value) => string.IsNullOrEmpty(value) ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    private static SourceRef ReadSourceRef(JsonElement map) =>
        new(Neo4jValue.AsString(Member(map, "sourceId")) ?? string.Empty)
        {
            ClaimedStart = Date(Neo4jValue.AsString(Member(map, "claimedStart"))),
            ClaimedEnd = Date(Neo4jValue.AsString(Member(map, "claimedEnd"))),
            Quote = EmptyToNull(Neo4jValue.AsString(Member(map, "quote"))),
            Note = EmptyToNull(Neo4jValue.AsString(Member(map, "note"))),
            QuoteStart = Neo4jValue.AsInt64(Member(map, "quoteStart")) is { } qs ? (int)qs : null,
            QuoteEnd = Neo4jValue.AsInt64(Member(map, "quoteEnd")) is { } qe ? (int)qe : null,
            Confidence = Neo4jValue.AsDouble(Member(map, "confidence")) ?? 0.9,
        };

    private static JsonElement Member(JsonElement map, string name)
    {
        map = Neo4jValue.Unwrap(map);
        return map.ValueKind == JsonValueKind.Object && map.TryGetProperty(name, out var value) ? value : default;
    }

    private static string? EmptyToNull(string? value) => string.IsNullOrEmpty(value) ? null : value;

    internal static PartialDate? Date(string? value) => string.IsNullOrEmpty(value) ? null : PartialDate.Parse(value);
}
