using System.Globalization;
using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// <see cref="IAnalyticsReader"/> on Neo4j, one statement per call. Partial dates are stored as text ("2025", "2025-03",
/// "2025-03-14"), so every date of a year sorts between "2025" and "2026": a year range is a text range the
/// left_start and worked_at_end indexes (graph-schema/neo4j/002_indexes.cypher) can serve.
/// </summary>
public sealed class Neo4jAnalyticsReader(Neo4jQueryClient client) : IAnalyticsReader
{
    private static readonly string Affiliations = string.Join('|', new[] { Relation.WorkedAt, Relation.Joined, Relation.Founded, Relation.Left }.Select(Neo4jCypher.Type));

    public Task<IReadOnlyList<string>> GetLeaverIdsAsync(Period period, IReadOnlyCollection<string>? organizationIds, CancellationToken cancellationToken) =>
        ReadLeaversAsync(period, organizationIds, organizationIds is null ? string.Empty : " AND o.id IN $orgs", string.Empty, cancellationToken);

    public Task<IReadOnlyList<string>> GetLeaverIdsAffiliatedWithAsync(Period period, IReadOnlyCollection<string> organizationIds, CancellationToken cancellationToken) =>
        ReadLeaversAsync(period, organizationIds, string.Empty, $"WITH p WHERE EXISTS {{ MATCH (p)-[:{Affiliations}]->(a:Node) WHERE a.id IN $orgs }}\n", cancellationToken);

    public async Task<IReadOnlyList<GraphEdge>> GetEmploymentDatesAsync(string organizationId, CancellationToken cancellationToken)
    {
        var result = await client.RunAsync(
            $"MATCH (p:Node)-[r:{Affiliations}]->(o:Node {{id: $org}}) RETURN r.id AS id, type(r) AS relation, p.id AS fromId, r.start AS start, r.`end` AS finish",
            Neo4jGraphStore.P(("org", organizationId)),
            cancellationToken);
        return result.Records.Select(record =>
        {
            var id = record.GetString("id");
            var wire = record.GetString("relation");
            var relation = Relations.TryParse(wire, out var parsed) ? parsed : throw new InvalidDataException($"unknown relation '{wire}' in edge {id}");
            return new GraphEdge(id, relation, record.GetString("fromId"), organizationId)
            {
                Start = record.GetStringOrNull("start") is { } start ? PartialDate.Parse(start) : null,
                End = record.GetStringOrNull("finish") is { } end ? PartialDate.Parse(end) : null,
            };
        }).ToList();
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<GraphEdge>>> GetCareerEdgesAsync(IReadOnlyCollection<string> personIds, IReadOnlyCollection<Relation>? relations, CancellationToken cancellationToken)
    {
        var result = personIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => new List<GraphEdge>(), StringComparer.Ordinal);
        if (result.Count > 0)
        {
            var rows = await client.RunAsync(
                $$"""
                UNWIND $ids AS asked
                MATCH (p:Node {id: asked})-[r:{{Neo4jCypher.AllTypes}}]->(o:Node)
                WHERE $relations IS NULL OR type(r) IN $relations
                RETURN asked, r.id AS id, type(r) AS relation, o.id AS toId, r.role AS role, r.start AS start, r.`end` AS finish
                """,
                Neo4jGraphStore.P(("ids", result.Keys.ToList()), ("relations", relations?.Select(Neo4jCypher.Type).Distinct().ToList())),
                cancellationToken);
            foreach (var record in rows.Records)
            {
                var person = record.GetString("asked");
                var id = record.GetString("id");
                var wire = record.GetString("relation");
                result[person].Add(new GraphEdge(id, Relations.TryParse(wire, out var relation) ? relation : throw new InvalidDataException($"unknown relation '{wire}' in edge {id}"), person, record.GetString("toId"))
                {
                    Role = record.GetStringOrNull("role"),
                    Start = record.GetStringOrNull("start") is { } start ? PartialDate.Parse(start) : null,
                    End = record.GetStringOrNull("finish") is { } end ? PartialDate.Parse(end) : null,
                });
            }
        }

        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<GraphEdge>)p.Value, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<(string PersonId, string OrganizationId)>> GetFounderJoinPairsAsync(CancellationToken cancellationToken)
    {
        var result = await client.RunAsync(
            $"MATCH (p:Node)-[:{Neo4jCypher.Type(Relation.Founded)}]->(o:Node) WHERE EXISTS {{ MATCH (p)-[:{Neo4jCypher.Type(Relation.Joined)}]->(o) }} "
            + "RETURN DISTINCT p.id AS personId, o.id AS organizationId ORDER BY personId, organizationId",
            Neo4jGraphStore.P(),
            cancellationToken);
        return result.Records.Select(record => (record.GetString("personId"), record.GetString("organizationId"))).ToList();
    }

    private async Task<IReadOnlyList<string>> ReadLeaversAsync(Period period, IReadOnlyCollection<string>? organizationIds, string filter, string outerFilter, CancellationToken cancellationToken)
    {
        // Each half reads one relationship type; the date test is a text range on the year, or none when unbounded
        // (then undated LEFTs count too, as on SQLite).
        var unbounded = period.From is null && period.To is null;
        string Dated(string property) => unbounded ? string.Empty : $" AND r.{property} >= $low AND r.{property} < $high";
        var result = await client.RunAsync(
            $$"""
            CALL {
              MATCH (p:Node)-[r:LEFT]->(o:Node) WHERE true{{Dated("start")}}{{filter}} RETURN p
              UNION
              MATCH (p:Node)-[r:WORKED_AT]->(o:Node) WHERE r.`end` IS NOT NULL{{Dated("`end`")}}{{filter}} RETURN p
            }
            {{outerFilter}}RETURN p.id AS id ORDER BY id
            """,
            Neo4jGraphStore.P(
                ("low", unbounded ? null : period.From is { } from ? Year(from.Year) : "0000"),
                ("high", unbounded ? null : period.To is { Year: < 9999 } to ? Year(to.Year + 1) : "A"),
                ("orgs", organizationIds?.ToList())),
            cancellationToken);
        return result.Records.Select(r => r.GetString("id")).ToList();
    }

    private static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);
}
