using System.Text.Json;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// Corrections: retracting a source, replacing a document's claims, a person's choice for a conflict, and merging two
/// nodes. Each runs in one write transaction and settles the edges it touches with the same rule as a batch.
/// </summary>
public sealed partial class SqliteGraphStore
{
    public Task<RetractResult> RetractSourceAsync(string sourceId, CancellationToken cancellationToken) =>
        InWriteTransactionAsync(async (writer, ct) =>
        {
            var retracted = await writer.SourceStateAsync(sourceId, ct) ?? throw new CorrectionException($"retractSource: there is no source '{sourceId}'");
            if (retracted)
            {
                return new RetractResult(sourceId, true, 0, 0, 0);
            }

            var (claims, removed, recomputed) = await writer.WithdrawClaimsAsync(sourceId, ct);
            await writer.MarkRetractedAsync(sourceId, true, ct);
            return new RetractResult(sourceId, false, claims, removed, recomputed);
        }, cancellationToken);

    public Task<WriteResult> ReplaceSourceAsync(string sourceId, GraphBatch batch, CancellationToken cancellationToken)
    {
        var problems = BatchValidator.Validate(batch);
        if (problems.Count > 0)
        {
            throw new GraphValidationException(problems);
        }

        return InWriteTransactionAsync(async (writer, ct) =>
        {
            if (await writer.SourceStateAsync(sourceId, ct) is not null)
            {
                // The new version stands on its own: an earlier retraction was of the old text.
                await writer.WithdrawClaimsAsync(sourceId, ct);
                await writer.MarkRetractedAsync(sourceId, false, ct);
            }

            return await writer.WriteAsync(batch, ct);
        }, cancellationToken);
    }

    public Task<ResolveResult> ResolveConflictAsync(string conflictId, PartialDate value, string? note, CancellationToken cancellationToken)
    {
        var target = CorrectionRules.ParseConflictId(conflictId);

        return InWriteTransactionAsync((writer, ct) => writer.ResolveAsync(target.EdgeId, target.Field, value, note, ct), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ConflictResolution>>> GetResolutionsAsync(IReadOnlyCollection<string> edgeIds, CancellationToken cancellationToken)
    {
        var result = edgeIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => new List<ConflictResolution>(), StringComparer.Ordinal);
        if (result.Count > 0)
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT r.edge_id, r.field, r.value, r.note, r.resolved_at FROM json_each(@ids) j CROSS JOIN conflict_resolutions r ON r.edge_id = j.value ORDER BY r.edge_id, r.field;";
            command.Parameters.AddWithValue("@ids", JsonList(result.Keys));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result[reader.GetString(0)].Add(ReadResolution(reader));
            }
        }

        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<ConflictResolution>)p.Value, StringComparer.Ordinal);
    }

    public Task<MergeResult> MergeEntitiesAsync(string keepId, string removeId, CancellationToken cancellationToken)
    {
        if (string.Equals(keepId, removeId, StringComparison.Ordinal))
        {
            throw new CorrectionException($"mergeEntities: keep and remove are the same node '{keepId}'");
        }

        return InWriteTransactionAsync((writer, ct) => writer.MergeAsync(keepId, removeId, ct), cancellationToken);
    }

    /// <summary>Columns edge_id, field, value, note, resolved_at.</summary>
    private static ConflictResolution ReadResolution(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), PartialDate.Parse(reader.GetString(2)), ParseStamp(reader.GetString(4)))
        {
            Note = EmptyToNull(reader.GetString(3)),
        };

    /// <summary>The correction steps, over the batch writer's transaction and prepared statements.</summary>
    private sealed partial class BatchWriter
    {
        private Dictionary<string, string>? _redirects;
        private HashSet<string>? _retracted;

        /// <summary>Null when the source does not exist, else whether it is retracted.</summary>
        public async Task<bool?> SourceStateAsync(string sourceId, CancellationToken ct)
        {
            var read = Command("SELECT retracted_at IS NOT NULL FROM sources WHERE id = @id;");
            read.Parameters.AddWithValue("@id", sourceId);
            return await read.ExecuteScalarAsync(ct) is long flag ? flag == 1 : null;
        }

        public async Task MarkRetractedAsync(string sourceId, bool retracted, CancellationToken ct)
        {
            var update = Command("UPDATE sources SET retracted_at = @at WHERE id = @id;");
            update.Parameters.AddWithValue("@id", sourceId);
            update.Parameters.AddWithValue("@at", retracted ? _now : DBNull.Value);
            await update.ExecuteNonQueryAsync(ct);
        }

        /// <summary>Deletes the source's claims; edges left without any source go, the others are settled again.</summary>
        public async Task<(int Claims, int RemovedEdges, int Recomputed)> WithdrawClaimsAsync(string sourceId, CancellationToken ct)
        {
            var edges = new List<string>();
            {
                var read = Command("SELECT DISTINCT edge_id FROM edge_sources WHERE source_id = @id ORDER BY edge_id;");
                read.Parameters.AddWithValue("@id", sourceId);
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    edges.Add(reader.GetString(0));
                }
            }

            var delete = Command("DELETE FROM edge_sources WHERE source_id = @id;");
            delete.Parameters.AddWithValue("@id", sourceId);
            var claims = await delete.ExecuteNonQueryAsync(ct);
            int removed = 0, recomputed = 0;
            foreach (var edgeId in edges)
            {
                if (await DeleteIfUnsupportedAsync(edgeId, ct))
                {
                    removed++;
                }
                else
                {
                    await SettleAsync(edgeId, null, 0, ct);
                    recomputed++;
                }
            }

            return (claims, removed, recomputed);
        }

        private async Task<bool> DeleteIfUnsupportedAsync(string edgeId, CancellationToken ct)
        {
            var delete = Command("DELETE FROM edges WHERE id = @id AND NOT EXISTS (SELECT 1 FROM edge_sources WHERE edge_id = @id);");
            delete.Parameters.AddWithValue("@id", edgeId);
            return await delete.ExecuteNonQueryAsync(ct) > 0;
        }

        public async Task<ResolveResult> ResolveAsync(string edgeId, string? field, PartialDate value, string? note, CancellationToken ct)
        {
            var edge = await EdgeWithSourcesAsync(edgeId, ct) ?? throw new CorrectionException($"resolveConflict: there is no edge '{edgeId}'");
            field = CorrectionRules.ChooseField(edgeId, field, edge, (await ResolutionsAsync(edgeId, ct)).Select(r => r.Field));

            var upsert = Command("""
                INSERT INTO conflict_resolutions(edge_id, field, value, note, resolved_at) VALUES (@edge, @field, @value, @note, @now)
                ON CONFLICT(edge_id, field) DO UPDATE SET value = excluded.value, note = excluded.note, resolved_at = excluded.resolved_at
                WHERE conflict_resolutions.value IS NOT excluded.value OR conflict_resolutions.note IS NOT excluded.note
                RETURNING 1;
                """);
            upsert.Parameters.AddWithValue("@edge", edgeId);
            upsert.Parameters.AddWithValue("@field", field);
            upsert.Parameters.AddWithValue("@value", value.ToString());
            upsert.Parameters.AddWithValue("@note", note?.Trim() ?? string.Empty);
            upsert.Parameters.AddWithValue("@now", _now);
            var changed = await upsert.ExecuteScalarAsync(ct) is not null;
            await SettleAsync(edgeId, null, 0, ct);
            var resolution = (await ResolutionsAsync(edgeId, ct)).Single(r => r.Field == field);
            return new ResolveResult(resolution, (await EdgeWithSourcesAsync(edgeId, ct))!, changed);
        }

        private async Task<IReadOnlyList<ConflictResolution>> ResolutionsAsync(string edgeId, CancellationToken ct)
        {
            var read = Command("SELECT edge_id, field, value, note, resolved_at FROM conflict_resolutions WHERE edge_id = @id;");
            read.Parameters.AddWithValue("@id", edgeId);
            var list = new List<ConflictResolution>();
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                list.Add(ReadResolution(reader));
            }

            return list;
        }

        private async Task<GraphEdge?> EdgeWithSourcesAsync(string edgeId, CancellationToken ct)
        {
            GraphEdge? edge = null;
            {
                var read = Command($"SELECT {EdgeColumns} FROM edges e WHERE e.id = @id;");
                read.Parameters.AddWithValue("@id", edgeId);
                await using var reader = await read.ExecuteReaderAsync(ct);
                if (await reader.ReadAsync(ct))
                {
                    edge = ReadEdge(reader);
                }
            }

            if (edge is null)
            {
                return null;
            }

            var refs = new Dictionary<string, List<SourceRef>>(StringComparer.Ordinal) { [edgeId] = [] };
            await ReadSourceRefsAsync(connection, transaction, refs, ct);
            return edge with { Sources = refs[edgeId] };
        }

        public async Task<MergeResult> MergeAsync(string keepId, string removeId, CancellationToken ct)
        {
            var kinds = new Dictionary<string, NodeKind>(StringComparer.Ordinal);
            {
                var read = Command("SELECT id, kind FROM nodes WHERE id IN (@keep, @remove);");
                read.Parameters.AddWithValue("@keep", keepId);
                read.Parameters.AddWithValue("@remove", removeId);
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    kinds[reader.GetString(0)] = Enum.Parse<NodeKind>(reader.GetString(1));
                }
            }

            if (!kinds.TryGetValue(keepId, out var keepKind))
            {
                throw new CorrectionException($"mergeEntities: there is no node '{keepId}' to keep");
            }

            if (!kinds.TryGetValue(removeId, out var removeKind))
            {
                if (string.Equals(await RedirectOfAsync(removeId, ct), keepId, StringComparison.Ordinal))
                {
                    return new MergeResult(keepId, removeId, true, 0, 0, 0, 0);
                }

                throw new CorrectionException($"mergeEntities: there is no node '{removeId}' to remove");
            }

            if (keepKind != removeKind)
            {
                throw new CorrectionException($"mergeEntities: '{keepId}' is of kind {keepKind} and '{removeId}' of kind {removeKind}; only nodes of the same kind can be merged");
            }

            var aliases = Command("INSERT OR IGNORE INTO node_aliases(node_id, norm, alias) SELECT @keep, norm, alias FROM node_aliases WHERE node_id = @remove;");
            aliases.Parameters.AddWithValue("@keep", keepId);
            aliases.Parameters.AddWithValue("@remove", removeId);
            var addedAliases = await aliases.ExecuteNonQueryAsync(ct);

            var (moved, merged, dropped) = await MoveEdgesAsync(keepId, removeId, ct);

            // Fields the kept node lacks come from the removed one; children and redirects follow the kept node.
            var fold = Command("""
                UPDATE nodes SET org_kind = coalesce(org_kind, (SELECT org_kind FROM nodes WHERE id = @remove)),
                    parent_id = coalesce(parent_id, (SELECT parent_id FROM nodes WHERE id = @remove)),
                    year = coalesce(year, (SELECT year FROM nodes WHERE id = @remove)),
                    venue = coalesce(venue, (SELECT venue FROM nodes WHERE id = @remove))
                WHERE id = @keep;
                UPDATE nodes SET parent_id = @keep WHERE parent_id = @remove;
                UPDATE nodes SET parent_id = NULL WHERE id = @keep AND parent_id = @keep;
                DELETE FROM node_search WHERE rowid = (SELECT rowid FROM nodes WHERE id = @remove);
                DELETE FROM nodes WHERE id = @remove;
                UPDATE node_redirects SET new_id = @keep WHERE new_id = @remove;
                INSERT INTO node_redirects(old_id, new_id, merged_at) VALUES (@remove, @keep, @now)
                    ON CONFLICT(old_id) DO UPDATE SET new_id = excluded.new_id, merged_at = excluded.merged_at;
                """);
            fold.Parameters.AddWithValue("@keep", keepId);
            fold.Parameters.AddWithValue("@remove", removeId);
            fold.Parameters.AddWithValue("@now", _now);
            await fold.ExecuteNonQueryAsync(ct);
            await RefreshSearchAsync(keepId, ct);
            return new MergeResult(keepId, removeId, false, moved, merged, dropped, addedAliases);
        }

        /// <summary>
        /// Each edge at the removed node is re-pointed to the kept node, or folded into the kept node's edge for the
        /// same fact (<see cref="EdgeIdentity.IsSameFact"/>) with the sources and choices unioned; an edge between
        /// the two nodes would join the kept node to itself and is dropped.
        /// </summary>
        private async Task<(int Moved, int Merged, int Dropped)> MoveEdgesAsync(string keepId, string removeId, CancellationToken ct)
        {
            var edges = new List<GraphEdge>();
            {
                var read = Command($"SELECT {EdgeColumns} FROM edges e WHERE e.from_id = @remove OR e.to_id = @remove ORDER BY e.id;");
                read.Parameters.AddWithValue("@remove", removeId);
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    edges.Add(ReadEdge(reader));
                }
            }

            int moved = 0, merged = 0, dropped = 0;
            foreach (var edge in edges)
            {
                var from = edge.From == removeId ? keepId : edge.From;
                var to = edge.To == removeId ? keepId : edge.To;
                if (from == to)
                {
                    await DeleteEdgeAsync(edge.Id, ct);
                    dropped++;
                    continue;
                }

                var target = await SameFactAsync(edge with { From = from, To = to }, ct);
                if (target is null)
                {
                    var update = Command("UPDATE edges SET from_id = @from, to_id = @to WHERE id = @id;");
                    update.Parameters.AddWithValue("@id", edge.Id);
                    update.Parameters.AddWithValue("@from", from);
                    update.Parameters.AddWithValue("@to", to);
                    await update.ExecuteNonQueryAsync(ct);
                    moved++;
                    continue;
                }

                var fold = Command("""
                    INSERT OR IGNORE INTO edge_sources(edge_id, source_id, claimed_start, claimed_end, quote, note, quote_start, quote_end, confidence, recorded_at)
                    SELECT @target, source_id, claimed_start, claimed_end, quote, note, quote_start, quote_end, confidence, recorded_at FROM edge_sources WHERE edge_id = @id;
                    INSERT OR IGNORE INTO conflict_resolutions(edge_id, field, value, note, resolved_at)
                    SELECT @target, field, value, note, resolved_at FROM conflict_resolutions WHERE edge_id = @id;
                    """);
                fold.Parameters.AddWithValue("@id", edge.Id);
                fold.Parameters.AddWithValue("@target", target);
                await fold.ExecuteNonQueryAsync(ct);
                await DeleteEdgeAsync(edge.Id, ct);
                await SettleAsync(target, edge.Role, edge.Confidence, ct);
                merged++;
            }

            return (moved, merged, dropped);
        }

        /// <summary>Another edge already at the new ends that states the same fact, if any.</summary>
        private async Task<string?> SameFactAsync(GraphEdge edge, CancellationToken ct)
        {
            var read = Command($"SELECT {EdgeColumns} FROM edges e WHERE e.from_id = @from AND e.relation = @relation AND e.to_id = @to AND e.id <> @id ORDER BY e.start, e.id;");
            read.Parameters.AddWithValue("@from", edge.From);
            read.Parameters.AddWithValue("@relation", edge.Relation.ToWire());
            read.Parameters.AddWithValue("@to", edge.To);
            read.Parameters.AddWithValue("@id", edge.Id);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var candidate = ReadEdge(reader);
                if (EdgeIdentity.IsSameFact(candidate, edge.Relation, edge.From, edge.To, edge.Role, edge.Start))
                {
                    return candidate.Id;
                }
            }

            return null;
        }

        private async Task DeleteEdgeAsync(string edgeId, CancellationToken ct)
        {
            var delete = Command("DELETE FROM edges WHERE id = @id;");
            delete.Parameters.AddWithValue("@id", edgeId);
            await delete.ExecuteNonQueryAsync(ct);
        }

        private async Task<string?> RedirectOfAsync(string nodeId, CancellationToken ct)
        {
            var read = Command("SELECT new_id FROM node_redirects WHERE old_id = @id;");
            read.Parameters.AddWithValue("@id", nodeId);
            return await read.ExecuteScalarAsync(ct) as string;
        }

        /// <summary>
        /// The batch as it should be written after earlier corrections: ids of nodes merged away name the node they
        /// went into. Lists keep their order and length, so a problem still names the item the caller sent.
        /// </summary>
        private async Task<GraphBatch> CorrectedAsync(GraphBatch batch, CancellationToken ct)
        {
            _retracted = await RetractedAmongAsync(batch.Edges.SelectMany(e => e.Sources).Select(s => s.SourceId), ct);
            var ids = batch.Nodes.Select(n => n.Id)
                .Concat(batch.Nodes.Where(n => n.ParentId is not null).Select(n => n.ParentId!))
                .Concat(batch.Edges.SelectMany(e => new[] { e.From, e.To }));
            _redirects = await RedirectsAmongAsync(ids, ct);
            if (_redirects.Count == 0)
            {
                return batch;
            }

            var corrected = new GraphBatch();
            corrected.Sources.AddRange(batch.Sources);
            corrected.Nodes.AddRange(batch.Nodes.Select(n => n with { Id = Redirected(n.Id), ParentId = n.ParentId is { } parent ? Redirected(parent) : null }));
            corrected.Edges.AddRange(batch.Edges.Select(e => e with { From = Redirected(e.From), To = Redirected(e.To) }));
            return corrected;
        }

        private string Redirected(string id) => _redirects is not null && _redirects.TryGetValue(id, out var to) ? to : id;

        /// <summary>
        /// The edge without the claims of retracted sources; null when nothing is left to write, or when a merge made
        /// it join a node to itself (as the merge itself drops such edges).
        /// </summary>
        private EdgeInput? Supported(EdgeInput edge)
        {
            if (string.Equals(edge.From, edge.To, StringComparison.Ordinal) && _redirects is { Count: > 0 } && _redirects.ContainsValue(edge.From))
            {
                return null;
            }

            if (_retracted is not { Count: > 0 })
            {
                return edge;
            }

            var sources = edge.Sources.Where(s => !_retracted.Contains(s.SourceId)).ToList();
            return sources.Count == 0 ? null : edge with { Sources = sources };
        }

        private async Task<HashSet<string>> RetractedAmongAsync(IEnumerable<string> sourceIds, CancellationToken ct)
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            // The partial index makes this a lookup of nothing on a store where nothing was retracted.
            if (await Command("SELECT EXISTS (SELECT 1 FROM sources WHERE retracted_at IS NOT NULL);").ExecuteScalarAsync(ct) is not 1L)
            {
                return found;
            }

            var read = Command("SELECT s.id FROM json_each(@ids) j CROSS JOIN sources s ON s.id = j.value WHERE s.retracted_at IS NOT NULL;");
            read.Parameters.AddWithValue("@ids", JsonSerializer.Serialize(sourceIds.Distinct(StringComparer.Ordinal)));
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                found.Add(reader.GetString(0));
            }

            return found;
        }

        private async Task<Dictionary<string, string>> RedirectsAmongAsync(IEnumerable<string> nodeIds, CancellationToken ct)
        {
            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            if (await Command("SELECT EXISTS (SELECT 1 FROM node_redirects);").ExecuteScalarAsync(ct) is not 1L)
            {
                return found;
            }

            var read = Command("SELECT r.old_id, r.new_id FROM json_each(@ids) j CROSS JOIN node_redirects r ON r.old_id = j.value;");
            read.Parameters.AddWithValue("@ids", JsonSerializer.Serialize(nodeIds.Distinct(StringComparer.Ordinal)));
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                found[reader.GetString(0)] = reader.GetString(1);
            }

            return found;
        }
    }
}
