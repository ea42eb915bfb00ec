using System.Globalization;
using KnowledgeGraph.Core.Graph;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>Keyset-paged reads of the whole graph (<see cref="IGraphExporter"/>): each page is one primary-key range scan.</summary>
public sealed partial class SqliteGraphStore : IGraphExporter
{
    public async Task<IReadOnlyList<Source>> ReadSourcesAsync(string afterId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(afterId);
        var sources = new List<Source>();
        if (limit <= 0)
        {
            return sources;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, title, url, published_on, content_hash, ingested_at FROM sources WHERE id > @after ORDER BY id LIMIT @limit;";
        command.Parameters.AddWithValue("@after", afterId);
        command.Parameters.AddWithValue("@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sources.Add(new Source(
                reader.GetString(0),
                NullableString(reader, 1),
                NullableString(reader, 2),
                ParseDate(NullableString(reader, 3)),
                DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture))
            {
                ContentHash = NullableString(reader, 4),
            });
        }

        return sources;
    }

    public async Task<IReadOnlyList<GraphNode>> ReadNodesAsync(string afterId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(afterId);
        if (limit <= 0)
        {
            return [];
        }

        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken);
        await ReadNodesAsync(connection, null, "WHERE n.id > @after ORDER BY n.id LIMIT @limit", p =>
        {
            p.AddWithValue("@after", afterId);
            p.AddWithValue("@limit", limit);
        }, nodes, cancellationToken);
        return nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<GraphEdge>> ReadEdgesAsync(string afterId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(afterId);
        if (limit <= 0)
        {
            return [];
        }

        // One read transaction: the edges and their provenance come from the same snapshot.
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var page = await ReadEdgesWithSourcesAsync(
            connection,
            transaction,
            "e.id > @after ORDER BY e.id LIMIT @limit",
            parameters =>
            {
                parameters.AddWithValue("@after", afterId);
                parameters.AddWithValue("@limit", limit);
            },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return page;
    }
}
