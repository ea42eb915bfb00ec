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
            var relation = Relations.TryParse(reader.GetString(1), out var r) ? r : throw new InvalidDataException($"unknown relation '{reader.GetString(1)}' in edge {reader.GetString(0)}");
            edges.Add(new GraphEdge(reader.GetString(0), relation, reader.GetString(2), organizationId)
            {
                Start = reader.IsDBNull(3) ? null : PartialDate.Parse(reader.GetString(3)),
                End = reader.IsDBNull(4) ? null : PartialDate.Parse(reader.GetString(4)),
            });
        }

        return edges;
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

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);
}
