using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// <see cref="IAnalyticsReader"/> on the embedded store's file. Dates are stored as text ("2025", "2025-03",
/// "2025-03-14"), so every date of a year sorts between "2025" and "2026": a year range is an index-friendly text range.
/// </summary>
public sealed class SqliteAnalyticsReader : IAnalyticsReader
{
    private const string Affiliations = "('WORKED_AT', 'JOINED', 'FOUNDED', 'LEFT')";
    private readonly string _connectionString;

    public SqliteAnalyticsReader(IOptions<SqliteStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.Value.DatabasePath),
            Mode = SqliteOpenMode.ReadWrite,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public Task<IReadOnlyList<string>> GetLeaverIdsAsync(Period period, IReadOnlyCollection<string>? organizationIds, CancellationToken cancellationToken) =>
        ReadLeaversAsync(period, organizationIds is null ? string.Empty : " AND to_id IN (SELECT value FROM json_each(@orgs))", organizationIds, cancellationToken);

    public Task<IReadOnlyList<string>> GetLeaverIdsAffiliatedWithAsync(Period period, IReadOnlyCollection<string> organizationIds, CancellationToken cancellationToken) =>
        ReadLeaversAsync(period, string.Empty, organizationIds, cancellationToken, $"""
            WHERE EXISTS (SELECT 1 FROM edges a WHERE a.from_id = l.id AND a.relation IN {Affiliations} AND a.to_id IN (SELECT value FROM json_each(@orgs)))
            """);

    public async Task<IReadOnlyList<GraphEdge>> GetEmploymentDatesAsync(string organizationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, relation, from_id, start, \"end\" FROM edges WHERE to_id = @org AND relation IN {Affiliations};";
        command.Parameters.AddWithValue("@org", organizationId);
        var edges = new List<GraphEdge>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            edges.Add(new GraphEdge(id, RelationOf(reader.GetString(1), id), reader.GetString(2), organizationId)
            {
                Start = DateOf(reader, 3),
                End = DateOf(reader, 4),
            });
        }

        return edges;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<GraphEdge>>> GetCareerEdgesAsync(IReadOnlyCollection<string> personIds, IReadOnlyCollection<Relation>? relations, CancellationToken cancellationToken)
    {
        var result = personIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => new List<GraphEdge>(), StringComparer.Ordinal);
        if (result.Count > 0)
        {
            // Every column read is in ix_edges_from_career, so each person is one range of that index and the table
            // itself is not touched; ids in order walk the index front to back. CROSS JOIN keeps the ids the outer loop.
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT e.id, e.relation, e.from_id, e.to_id, e.role, e.start, e."end"
                FROM json_each(@ids) j CROSS JOIN edges e ON e.from_id = j.value{(relations is null ? string.Empty : " AND e.relation IN (SELECT value FROM json_each(@relations))")};
                """;
            command.Parameters.AddWithValue("@ids", JsonSerializer.Serialize(result.Keys.Order(StringComparer.Ordinal)));
            if (relations is not null)
            {
                command.Parameters.AddWithValue("@relations", JsonSerializer.Serialize(relations.Select(r => r.ToWire()).Distinct()));
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            // Rows come person by person: one dictionary lookup per person, not per edge.
            var (person, edges) = (string.Empty, new List<GraphEdge>());
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                var from = reader.GetString(2);
                if (!string.Equals(person, from, StringComparison.Ordinal))
                {
                    (person, edges) = (from, result[from]);
                }

                edges.Add(new GraphEdge(id, RelationOf(reader.GetString(1), id), person, reader.GetString(3))
                {
                    Role = reader.IsDBNull(4) ? null : reader.GetString(4),
                    Start = DateOf(reader, 5),
                    End = DateOf(reader, 6),
                });
            }
        }

        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<GraphEdge>)p.Value, StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<string>> ReadLeaversAsync(Period period, string filter, IReadOnlyCollection<string>? organizationIds, CancellationToken cancellationToken, string outerFilter = "")
    {
        // Each half uses the relation index; the date test is a text range on the year, or none when unbounded.
        var unbounded = period.From is null && period.To is null;
        string Dated(string column) => unbounded ? string.Empty : $" AND {column} >= @low AND {column} < @high";
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT l.id FROM (
                SELECT from_id AS id FROM edges WHERE relation = 'LEFT'{Dated("start")}{filter}
                UNION
                SELECT from_id FROM edges WHERE relation = 'WORKED_AT' AND "end" IS NOT NULL{Dated("\"end\"")}{filter}) l
            {outerFilter}
            ORDER BY 1;
            """;
        if (!unbounded)
        {
            command.Parameters.AddWithValue("@low", period.From is { } from ? Year(from.Year) : "0000");
            command.Parameters.AddWithValue("@high", period.To is { Year: < 9999 } to ? Year(to.Year + 1) : "A");
        }

        if (organizationIds is not null)
        {
            command.Parameters.AddWithValue("@orgs", JsonSerializer.Serialize(organizationIds));
        }

        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async Task<IReadOnlyList<(string PersonId, string OrganizationId)>> GetFounderJoinPairsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // FOUNDED edges are few; each JOINED lookup is one probe of ix_edges_from (from_id, relation, to_id).
        command.CommandText = """
            SELECT DISTINCT f.from_id, f.to_id FROM edges f
            WHERE f.relation = 'FOUNDED'
              AND EXISTS (SELECT 1 FROM edges j WHERE j.from_id = f.from_id AND j.relation = 'JOINED' AND j.to_id = f.to_id)
            ORDER BY f.from_id, f.to_id;
            """;
        var pairs = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pairs.Add((reader.GetString(0), reader.GetString(1)));
        }

        return pairs;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static Relation RelationOf(string wire, string edgeId) =>
        Relations.TryParse(wire, out var relation) ? relation : throw new InvalidDataException($"unknown relation '{wire}' in edge {edgeId}");

    private static PartialDate? DateOf(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : PartialDate.Parse(reader.GetString(ordinal));

    private static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);
}
