using System.Globalization;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>Batch writes: validated first, then applied in one transaction, merging edges by fact.</summary>
public sealed partial class SqliteGraphStore
{
    public async Task<WriteResult> ApplyAsync(GraphBatch batch, CancellationToken cancellationToken)
    {
        var problems = BatchValidator.Validate(batch);
        if (problems.Count > 0)
        {
            throw new GraphValidationException(problems);
        }

        return await InWriteTransactionAsync((writer, ct) => writer.WriteAsync(batch, ct), cancellationToken);
    }

    /// <summary>
    /// Runs one write under the store's writer lock in one transaction: committed when it returns with no problems,
    /// rolled back when it records problems (thrown as <see cref="GraphValidationException"/>) or throws.
    /// </summary>
    private async Task<T> InWriteTransactionAsync<T>(Func<BatchWriter, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var writer = new BatchWriter(connection, transaction, _clock.GetUtcNow());
            var result = await work(writer, cancellationToken);
            if (writer.Problems.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                throw new GraphValidationException(writer.Problems);
            }

            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>One batch's writes over one transaction, with its statements prepared once.</summary>
    private sealed partial class BatchWriter(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now) : IAsyncDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        private readonly string _now = now.ToString("O", CultureInfo.InvariantCulture);
        private readonly Dictionary<string, NodeKind> _kinds = new(StringComparer.Ordinal);

        public List<BatchProblem> Problems { get; } = [];

        public async Task<WriteResult> WriteAsync(GraphBatch batch, CancellationToken ct)
        {
            batch = await CorrectedAsync(batch, ct);
            // A set, not a count: a source named twice in one batch is inserted once, then seen with this batch's time.
            var newSources = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < batch.Sources.Count; i++)
            {
                if (await UpsertSourceAsync(batch.Sources[i], ct))
                {
                    newSources.Add(batch.Sources[i].Id);
                }
            }

            int newNodes = 0, updatedNodes = 0;
            for (var i = 0; i < batch.Nodes.Count; i++)
            {
                switch (await UpsertNodeAsync(batch.Nodes[i], i, ct))
                {
                    case NodeChange.Created:
                        newNodes++;
                        break;
                    case NodeChange.Updated:
                        updatedNodes++;
                        break;
                }
            }

            await CheckReferencesAsync(batch, ct);
            if (Problems.Count > 0)
            {
                return WriteResult.Empty;
            }

            var edges = new List<EdgeInput>(batch.Edges.Count);
            for (var i = 0; i < batch.Edges.Count; i++)
            {
                if (Supported(batch.Edges[i]) is { } edge)
                {
                    edges.Add(edge);
                }
            }

            var (newEdges, newProvenance, conflicts) = await MergeEdgesAsync(edges, ct);
            return new WriteResult(newNodes, updatedNodes, newSources.Count, newEdges, newProvenance, conflicts);
        }

        private enum NodeChange
        {
            None,
            Created,
            Updated,
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in _commands.Values)
            {
                await command.DisposeAsync();
            }
        }

        /// <summary>A statement prepared once per batch and reused with fresh parameters.</summary>
        private SqliteCommand Command(string sql)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                _commands[sql] = command;
            }

            command.Parameters.Clear();
            return command;
        }

        private async Task<bool> UpsertSourceAsync(Source source, CancellationToken ct)
        {
            var command = Command("""
                INSERT INTO sources(id, title, url, published_on, content_hash, ingested_at)
                VALUES (@id, @title, @url, @published, @hash, @now)
                ON CONFLICT(id) DO UPDATE SET
                    title = coalesce(excluded.title, sources.title),
                    url = coalesce(excluded.url, sources.url),
                    published_on = coalesce(excluded.published_on, sources.published_on),
                    content_hash = coalesce(excluded.content_hash, sources.content_hash)
                WHERE coalesce(excluded.title, sources.title) IS NOT sources.title
                   OR coalesce(excluded.url, sources.url) IS NOT sources.url
                   OR coalesce(excluded.published_on, sources.published_on) IS NOT sources.published_on
                   OR coalesce(excluded.content_hash, sources.content_hash) IS NOT sources.content_hash
                RETURNING ingested_at = @now;
                """);
            command.Parameters.AddWithValue("@id", source.Id);
            command.Parameters.AddWithValue("@title", (object?)source.Title ?? DBNull.Value);
            command.Parameters.AddWithValue("@url", (object?)source.Url ?? DBNull.Value);
            command.Parameters.AddWithValue("@published", (object?)source.PublishedOn?.ToString() ?? DBNull.Value);
            command.Parameters.AddWithValue("@hash", (object?)source.ContentHash ?? DBNull.Value);
            command.Parameters.AddWithValue("@now", _now);
            var inserted = await command.ExecuteScalarAsync(ct);
            return inserted is long flag && flag == 1;
        }

        private async Task<NodeChange> UpsertNodeAsync(GraphNode node, int index, CancellationToken ct)
        {
            GraphNode? existing = null;
            {
                var read = Command("SELECT kind, name, org_kind, parent_id, year, venue FROM nodes WHERE id = @id;");
                read.Parameters.AddWithValue("@id", node.Id);
                await using var reader = await read.ExecuteReaderAsync(ct);
                if (await reader.ReadAsync(ct))
                {
                    existing = new GraphNode(node.Id, Enum.Parse<NodeKind>(reader.GetString(0)), reader.GetString(1), [])
                    {
                        OrganizationKind = reader.IsDBNull(2) ? null : Enum.Parse<OrganizationKind>(reader.GetString(2)),
                        ParentId = reader.IsDBNull(3) ? null : reader.GetString(3),
                        Year = reader.IsDBNull(4) ? null : reader.GetInt32(4),
                        Venue = reader.IsDBNull(5) ? null : reader.GetString(5),
                    };
                }
            }

            if (existing is not null && existing.Kind != node.Kind)
            {
                Problems.Add(new BatchProblem("nodes", index, "kind", $"'{node.Id}' is already a {existing.Kind}, not a {node.Kind}"));
                return NodeChange.None;
            }

            _kinds[node.Id] = node.Kind;
            var change = NodeChange.None;
            if (existing is null)
            {
                var insert = Command("INSERT INTO nodes(id, kind, name, org_kind, parent_id, year, venue, created_at) VALUES (@id, @kind, @name, @org, @parent, @year, @venue, @now);");
                BindNode(insert, node);
                insert.Parameters.AddWithValue("@now", _now);
                await insert.ExecuteNonQueryAsync(ct);
                change = NodeChange.Created;
            }
            else
            {
                var merged = existing with
                {
                    OrganizationKind = node.OrganizationKind ?? existing.OrganizationKind,
                    ParentId = node.ParentId ?? existing.ParentId,
                    Year = node.Year ?? existing.Year,
                    Venue = node.Venue ?? existing.Venue,
                };
                if (merged != existing)
                {
                    var update = Command("UPDATE nodes SET org_kind = @org, parent_id = @parent, year = @year, venue = @venue WHERE id = @id;");
                    BindNode(update, merged);
                    await update.ExecuteNonQueryAsync(ct);
                    change = NodeChange.Updated;
                }
            }

            // The incoming name becomes an alias when the node already has another name.
            var addedAlias = false;
            foreach (var alias in node.Aliases.Prepend(node.Name).Prepend(existing?.Name ?? node.Name))
            {
                var norm = NameNormalizer.Normalize(alias);
                if (norm.Length == 0)
                {
                    continue;
                }

                var insert = Command("INSERT OR IGNORE INTO node_aliases(node_id, norm, alias) VALUES (@id, @norm, @alias);");
                insert.Parameters.AddWithValue("@id", node.Id);
                insert.Parameters.AddWithValue("@norm", norm);
                insert.Parameters.AddWithValue("@alias", alias.Trim());
                addedAlias |= await insert.ExecuteNonQueryAsync(ct) > 0;
            }

            if (addedAlias)
            {
                await RefreshSearchAsync(node.Id, ct);
                change = change == NodeChange.None ? NodeChange.Updated : change;
            }

            return change;
        }

        /// <summary>Rewrites the node's full-text row from its names.</summary>
        private async Task RefreshSearchAsync(string nodeId, CancellationToken ct)
        {
            var fts = Command("""
                DELETE FROM node_search WHERE rowid = (SELECT rowid FROM nodes WHERE id = @id);
                INSERT INTO node_search(rowid, names)
                SELECT n.rowid, (SELECT group_concat(alias, ' | ') FROM node_aliases WHERE node_id = @id) FROM nodes n WHERE n.id = @id;
                """);
            fts.Parameters.AddWithValue("@id", nodeId);
            await fts.ExecuteNonQueryAsync(ct);
        }

        private static void BindNode(SqliteCommand command, GraphNode node)
        {
            command.Parameters.AddWithValue("@id", node.Id);
            command.Parameters.AddWithValue("@kind", node.Kind.ToString());
            command.Parameters.AddWithValue("@name", node.Name.Trim());
            command.Parameters.AddWithValue("@org", (object?)node.OrganizationKind?.ToString() ?? DBNull.Value);
            command.Parameters.AddWithValue("@parent", (object?)node.ParentId ?? DBNull.Value);
            command.Parameters.AddWithValue("@year", (object?)node.Year ?? DBNull.Value);
            command.Parameters.AddWithValue("@venue", (object?)node.Venue ?? DBNull.Value);
        }

        /// <summary>Every edge end, parent and source named in the batch must exist in the batch or the store.</summary>
        private async Task CheckReferencesAsync(GraphBatch batch, CancellationToken ct)
        {
            var nodeIds = batch.Edges.SelectMany(e => new[] { e.From, e.To })
                .Concat(batch.Nodes.Where(n => n.ParentId is not null).Select(n => n.ParentId!))
                .Where(id => !_kinds.ContainsKey(id))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (nodeIds.Count > 0)
            {
                var command = Command("SELECT n.id, n.kind FROM json_each(@ids) j CROSS JOIN nodes n ON n.id = j.value;");
                command.Parameters.AddWithValue("@ids", System.Text.Json.JsonSerializer.Serialize(nodeIds));
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    _kinds[reader.GetString(0)] = Enum.Parse<NodeKind>(reader.GetString(1));
                }
            }

            var sourceIds = new HashSet<string>(batch.Sources.Select(s => s.Id), StringComparer.Ordinal);
            var wanted = batch.Edges.SelectMany(e => e.Sources).Select(s => s.SourceId).Where(id => !sourceIds.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
            if (wanted.Count > 0)
            {
                var command = Command("SELECT s.id FROM json_each(@ids) j CROSS JOIN sources s ON s.id = j.value;");
                command.Parameters.AddWithValue("@ids", System.Text.Json.JsonSerializer.Serialize(wanted));
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    sourceIds.Add(reader.GetString(0));
                }
            }

            Problems.AddRange(BatchValidator.CheckReferences(batch, id => _kinds.TryGetValue(id, out var kind) ? kind : null, sourceIds.Contains));
        }

        /// <summary>
        /// Sets an edge's dates and conflict flag from every source's claim and any person's choice
        /// (<see cref="ClaimedDates.SettleEdge"/>); a role fills a missing one and the confidence only rises.
        /// </summary>
        private async Task<SettledDates> SettleAsync(string edgeId, string? role, double confidence, CancellationToken ct)
        {
            var claims = new List<(PartialDate? Start, PartialDate? End)>();
            {
                var read = Command("SELECT claimed_start, claimed_end FROM edge_sources WHERE edge_id = @id ORDER BY recorded_at, source_id;");
                read.Parameters.AddWithValue("@id", edgeId);
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    claims.Add((Date(reader.GetString(0)), Date(reader.GetString(1))));
                }
            }

            var settled = ClaimedDates.SettleEdge(claims, await ResolutionsAsync(edgeId, ct));
            var update = Command("UPDATE edges SET start = @start, \"end\" = @end, role = coalesce(role, @role), confidence = max(confidence, @confidence), in_conflict = @conflict WHERE id = @id;");
            update.Parameters.AddWithValue("@id", edgeId);
            update.Parameters.AddWithValue("@start", (object?)settled.Start?.ToString() ?? DBNull.Value);
            update.Parameters.AddWithValue("@end", (object?)settled.End?.ToString() ?? DBNull.Value);
            update.Parameters.AddWithValue("@role", (object?)role?.Trim() ?? DBNull.Value);
            update.Parameters.AddWithValue("@confidence", confidence);
            update.Parameters.AddWithValue("@conflict", settled.InConflict ? 1 : 0);
            await update.ExecuteNonQueryAsync(ct);
            return settled;
        }

        private static PartialDate? Date(string value) => value.Length == 0 ? null : PartialDate.Parse(value);
    }
}
