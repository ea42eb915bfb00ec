using System.Text.Json;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// Corrections on Neo4j, with the SQLite store's semantics: retracting a source, replacing a document's claims, a
/// person's choice for a conflict, and merging two nodes. Each is one explicit transaction that takes the graph's
/// write lock first (as batches do), reads what it touches, decides in memory with the same domain rules
/// (<see cref="ClaimedDates.SettleEdge"/>, <see cref="EdgeIdentity.IsSameFact"/>), writes, and commits; a refusal
/// (<see cref="CorrectionException"/>, <see cref="GraphValidationException"/>) or a failure rolls it back.
/// Layout: a retracted source has <c>retractedAt</c>; a choice lives on its relationship as <c>resolvedStart</c>,
/// <c>resolvedStartNote</c>, <c>resolvedStartAt</c> (and the same for End); a node merged away leaves a
/// <c>(:Redirect {id: old id, newId, mergedAt})</c> that later batches follow.
/// </summary>
public sealed partial class Neo4jGraphStore
{
    private const string ClaimsColumn =
        "COLLECT { MATCH (p:Provenance {edgeId: r.id}) RETURN p {.id, .sourceId, .claimedStart, .claimedEnd, .quote, .note, .quoteStart, .quoteEnd, .confidence, .recordedAt} } AS claims";

    /// <summary>What a correction sets on a relationship it settled again: its dates, conflict flag, role, confidence and choices.</summary>
    private const string EdgeStateSet =
        "r.role = row.role, r.start = row.start, r.`end` = row.finish, r.confidence = row.confidence, r.inConflict = row.inConflict, " +
        "r.resolvedStart = row.resolvedStart, r.resolvedStartNote = row.resolvedStartNote, r.resolvedStartAt = row.resolvedStartAt, " +
        "r.resolvedEnd = row.resolvedEnd, r.resolvedEndNote = row.resolvedEndNote, r.resolvedEndAt = row.resolvedEndAt";

    public Task<RetractResult> RetractSourceAsync(string sourceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        return _client.InTransactionAsync(async (tx, ct) =>
        {
            var now = _clock.GetUtcNow();
            await LockAsync(tx, now, ct);
            var retracted = await SourceStateAsync(tx, sourceId, ct) ?? throw new CorrectionException($"retractSource: there is no source '{sourceId}'");
            if (retracted)
            {
                return new RetractResult(sourceId, true, 0, 0, 0);
            }

            var (claims, removed, recomputed) = await WithdrawClaimsAsync(tx, sourceId, ct);
            await MarkRetractedAsync(tx, sourceId, now, ct);
            return new RetractResult(sourceId, false, claims, removed, recomputed);
        }, cancellationToken);
    }

    public Task<WriteResult> ReplaceSourceAsync(string sourceId, GraphBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        ArgumentNullException.ThrowIfNull(batch);
        var problems = BatchValidator.Validate(batch);
        if (problems.Count > 0)
        {
            throw new GraphValidationException(problems);
        }

        return _client.InTransactionAsync(async (tx, ct) =>
        {
            var now = _clock.GetUtcNow();
            await LockAsync(tx, now, ct);
            if (await SourceStateAsync(tx, sourceId, ct) is not null)
            {
                // The new version stands on its own: an earlier retraction was of the old text.
                await WithdrawClaimsAsync(tx, sourceId, ct);
                await MarkRetractedAsync(tx, sourceId, null, ct);
            }

            return await WriteBatchAsync(tx, batch, now, ct);
        }, cancellationToken);
    }

    public Task<ResolveResult> ResolveConflictAsync(string conflictId, PartialDate value, string? note, CancellationToken cancellationToken)
    {
        var target = CorrectionRules.ParseConflictId(conflictId);

        return _client.InTransactionAsync(async (tx, ct) =>
        {
            var now = _clock.GetUtcNow();
            await LockAsync(tx, now, ct);
            return await ResolveAsync(tx, target.EdgeId, target.Field, value, note, now, ct);
        }, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ConflictResolution>>> GetResolutionsAsync(IReadOnlyCollection<string> edgeIds, CancellationToken cancellationToken)
    {
        var result = edgeIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => new List<ConflictResolution>(), StringComparer.Ordinal);
        if (result.Count > 0)
        {
            var rows = await _client.RunAsync(
                $"""
                UNWIND $ids AS id
                {Neo4jCypher.EdgesWhere("id", "id")}
                WITH r WHERE r.resolvedStart IS NOT NULL OR r.resolvedEnd IS NOT NULL
                RETURN r.id AS id, {Neo4jCypher.ResolutionColumns}
                """,
                P(("ids", result.Keys.ToList())),
                cancellationToken);
            foreach (var record in rows.Records)
            {
                if (result.TryGetValue(record.GetString("id"), out var list))
                {
                    list.AddRange(ReadResolutions(record));
                }
            }
        }

        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<ConflictResolution>)p.Value.OrderBy(r => r.Field, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    public Task<MergeResult> MergeEntitiesAsync(string keepId, string removeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keepId);
        ArgumentNullException.ThrowIfNull(removeId);
        if (string.Equals(keepId, removeId, StringComparison.Ordinal))
        {
            throw new CorrectionException($"mergeEntities: keep and remove are the same node '{keepId}'");
        }

        return _client.InTransactionAsync(async (tx, ct) =>
        {
            var now = _clock.GetUtcNow();
            await LockAsync(tx, now, ct);
            return await MergeAsync(tx, keepId, removeId, now, ct);
        }, cancellationToken);
    }

    // ---- retract and replace --------------------------------------------------------------------------------

    /// <summary>Null when the source does not exist, else whether it is retracted.</summary>
    private static async Task<bool?> SourceStateAsync(Neo4jTransaction tx, string sourceId, CancellationToken ct)
    {
        var rows = await tx.RunAsync("MATCH (s:Source {id: $id}) RETURN s.retractedAt IS NOT NULL AS retracted", P(("id", sourceId)), ct);
        return rows.Records.Count == 0 ? null : rows.Records[0].GetBoolean("retracted");
    }

    /// <summary>Marks the source retracted at <paramref name="at"/>, or clears the mark (null removes the property).</summary>
    private static Task MarkRetractedAsync(Neo4jTransaction tx, string sourceId, DateTimeOffset? at, CancellationToken ct) =>
        tx.RunAsync("MATCH (s:Source {id: $id}) SET s.retractedAt = $at", P(("id", sourceId), ("at", at is { } stamp ? Neo4jBatchPlan.Timestamp(stamp) : null)), ct);

    /// <summary>Deletes the source's claims; edges left without any claim go, the others are settled again.</summary>
    private async Task<(int Claims, int RemovedEdges, int Recomputed)> WithdrawClaimsAsync(Neo4jTransaction tx, string sourceId, CancellationToken ct)
    {
        var deleted = await tx.RunAsync(
            "MATCH (:Source {id: $id})<-[:CITES]-(p:Provenance) RETURN p.edgeId AS edgeId, count(p) AS claims",
            P(("id", sourceId)),
            ct);
        await tx.RunAsync("MATCH (:Source {id: $id})<-[:CITES]-(p:Provenance) DETACH DELETE p", P(("id", sourceId)), ct);
        var claims = (int)deleted.Records.Sum(r => r.GetInt64("claims"));
        var edgeIds = deleted.Records.Select(r => r.GetString("edgeId")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var edges = new List<StoredEdge>();
        foreach (var chunk in edgeIds.Chunk(_options.RowsPerStatement))
        {
            edges.AddRange((await ReadEdgeRowsAsync(tx, $"UNWIND $ids AS id\n{Neo4jCypher.EdgesWhere("id", "id")}", P(("ids", chunk)), ct)).Select(e => e.Stored));
        }

        var unsupported = edges.Where(e => e.Claims.Count == 0).ToList();
        var settled = edges.Where(e => e.Claims.Count > 0).ToList();
        foreach (var edge in settled)
        {
            edge.Settle(null, 0);
        }

        await DeleteEdgesAsync(tx, unsupported, ct);
        await WriteEdgeStatesAsync(tx, settled, ct);
        return (claims, unsupported.Count, settled.Count);
    }

    // ---- resolve ---------------------------------------------------------------------------------------------

    private async Task<ResolveResult> ResolveAsync(Neo4jTransaction tx, string edgeId, string? field, PartialDate value, string? note, DateTimeOffset now, CancellationToken ct)
    {
        var row = (await ReadEdgeRowsAsync(tx, $"WITH $id AS id\n{Neo4jCypher.EdgesWhere("id", "id")}", P(("id", edgeId)), ct)).FirstOrDefault()
            ?? throw new CorrectionException($"resolveConflict: there is no edge '{edgeId}'");
        var stored = row.Stored;
        field = CorrectionRules.ChooseField(edgeId, field, stored.Edge with { Sources = row.Refs }, stored.Resolutions.Select(r => r.Field));

        var noteText = note?.Trim() ?? string.Empty;
        var existing = stored.Resolutions.FirstOrDefault(r => r.Field == field);
        var changed = existing is null || existing.Value.ToString() != value.ToString() || (existing.Note ?? string.Empty) != noteText;
        var resolution = existing;
        if (changed)
        {
            resolution = new ConflictResolution(edgeId, field, value, now) { Note = string.IsNullOrEmpty(noteText) ? null : noteText };
            stored.Resolutions.RemoveAll(r => r.Field == field);
            stored.Resolutions.Add(resolution);
        }

        stored.Settle(null, 0);
        await WriteEdgeStatesAsync(tx, [stored], ct);
        return new ResolveResult(resolution!, stored.Edge with { Sources = row.Refs }, changed);
    }

    // ---- merge -----------------------------------------------------------------------------------------------

    private async Task<MergeResult> MergeAsync(Neo4jTransaction tx, string keepId, string removeId, DateTimeOffset now, CancellationToken ct)
    {
        var nodes = (await ReadStoredNodesAsync(tx, [keepId, removeId], ct)).ToDictionary(n => n.Id, StringComparer.Ordinal);
        if (!nodes.TryGetValue(keepId, out var keep))
        {
            throw new CorrectionException($"mergeEntities: there is no node '{keepId}' to keep");
        }

        if (!nodes.TryGetValue(removeId, out var remove))
        {
            var redirect = await tx.RunAsync("MATCH (m:Redirect {id: $id}) RETURN m.newId AS newId", P(("id", removeId)), ct);
            if (redirect.Records.Count > 0 && string.Equals(redirect.Records[0].GetStringOrNull("newId"), keepId, StringComparison.Ordinal))
            {
                return new MergeResult(keepId, removeId, true, 0, 0, 0, 0);
            }

            throw new CorrectionException($"mergeEntities: there is no node '{removeId}' to remove");
        }

        if (keep.Kind != remove.Kind)
        {
            throw new CorrectionException($"mergeEntities: '{keepId}' is of kind {keep.Kind} and '{removeId}' of kind {remove.Kind}; only nodes of the same kind can be merged");
        }

        var addedAliases = 0;
        for (var i = 0; i < remove.Norms.Count; i++)
        {
            var norm = remove.Norms[i];
            if (!keep.Norms.Contains(norm, StringComparer.Ordinal))
            {
                keep.Norms.Add(norm);
                keep.Names.Add(i < remove.Names.Count ? remove.Names[i] : norm);
                keep.NewNorms.Add(norm);
                addedAliases++;
            }
        }

        var (moved, merged, dropped) = await MoveEdgesAsync(tx, keepId, removeId, ct);

        // Fields the kept node lacks come from the removed one; children and redirects follow the kept node.
        var parent = keep.ParentId ?? remove.ParentId;
        parent = parent == removeId ? keepId : parent;
        parent = parent == keepId ? null : parent;
        await tx.RunAsync(
            """
            MATCH (n:Node {id: $keep})
            SET n.names = $names, n.norms = $norms, n.search = $search,
                n.orgKind = $orgKind, n.parentId = $parentId, n.year = $year, n.venue = $venue
            WITH n
            UNWIND $newNorms AS norm
            MERGE (m:Name {id: norm})
            MERGE (n)-[:NAMED]->(m)
            """,
            P(
                ("keep", keepId),
                ("names", keep.Names),
                ("norms", keep.Norms),
                ("newNorms", keep.NewNorms),
                ("search", SearchText.Document(keep.Names)),
                ("orgKind", (keep.OrganizationKind ?? remove.OrganizationKind)?.ToString()),
                ("parentId", parent),
                ("year", keep.Year ?? remove.Year),
                ("venue", keep.Venue ?? remove.Venue)),
            ct);
        await tx.RunAsync("MATCH (c:Node {parentId: $remove}) WHERE c.id <> $remove SET c.parentId = $keep", P(("keep", keepId), ("remove", removeId)), ct);
        await tx.RunAsync("MATCH (n:Node {id: $remove}) DETACH DELETE n", P(("remove", removeId)), ct);
        await tx.RunAsync("MATCH (m:Redirect {newId: $remove}) SET m.newId = $keep", P(("keep", keepId), ("remove", removeId)), ct);
        await tx.RunAsync(
            "MERGE (m:Redirect {id: $remove}) SET m.newId = $keep, m.mergedAt = $now",
            P(("keep", keepId), ("remove", removeId), ("now", Neo4jBatchPlan.Timestamp(now))),
            ct);
        return new MergeResult(keepId, removeId, false, moved, merged, dropped, addedAliases);
    }

    /// <summary>
    /// Each edge at the removed node is re-pointed to the kept node (a relationship cannot change its ends, so it is
    /// deleted and created again with the same id and properties), or folded into the kept node's edge for the same
    /// fact with the claims and choices unioned; an edge between the two nodes would join the kept node to itself and
    /// is dropped. Edges are taken in id order and each sees the ones before it, as on SQLite.
    /// </summary>
    private async Task<(int Moved, int Merged, int Dropped)> MoveEdgesAsync(Neo4jTransaction tx, string keepId, string removeId, CancellationToken ct)
    {
        var atRemoved = (await ReadEdgeRowsAsync(
            tx,
            $$"""
            CALL {
              MATCH (a:Node {id: $remove})-[r:{{Neo4jCypher.AllTypes}}]->(b:Node) RETURN a, r, b
              UNION
              MATCH (a:Node)-[r:{{Neo4jCypher.AllTypes}}]->(b:Node {id: $remove}) RETURN a, r, b
            }
            """,
            P(("remove", removeId)),
            ct)).OrderBy(e => e.Stored.Edge.Id, StringComparer.Ordinal).ToList();
        string To(string id) => id == removeId ? keepId : id;

        var triples = atRemoved.Select(e => (From: To(e.Stored.Edge.From), e.Stored.Edge.Relation, To: To(e.Stored.Edge.To)))
            .Where(t => t.From != t.To)
            .Distinct()
            .ToList();
        var candidates = (await ReadStoredEdgesAsync(tx, triples, ct))
            .GroupBy(e => (e.Edge.From, e.Edge.Relation, e.Edge.To))
            .ToDictionary(g => g.Key, g => g.ToList());

        var moves = new List<StoredEdge>();
        var gone = new List<StoredEdge>();
        var targets = new Dictionary<string, StoredEdge>(StringComparer.Ordinal);
        var newClaims = new List<NewClaim>();
        int merged = 0, dropped = 0;
        foreach (var (edge, refs) in atRemoved.Select(e => (e.Stored, e.Claims)))
        {
            var from = To(edge.Edge.From);
            var to = To(edge.Edge.To);
            if (from == to)
            {
                gone.Add(edge);
                dropped++;
                continue;
            }

            var key = (from, edge.Edge.Relation, to);
            if (!candidates.TryGetValue(key, out var list))
            {
                list = [];
                candidates[key] = list;
            }

            var target = list
                .Where(c => c.Edge.Id != edge.Edge.Id)
                .OrderBy(c => c.Edge.Start?.ToString(), StringComparer.Ordinal)
                .ThenBy(c => c.Edge.Id, StringComparer.Ordinal)
                .FirstOrDefault(c => EdgeIdentity.IsSameFact(c.Edge, edge.Edge.Relation, from, to, edge.Edge.Role, edge.Edge.Start));
            if (target is null)
            {
                edge.Edge = edge.Edge with { From = from, To = to };
                list.Add(edge);
                moves.Add(edge);
                continue;
            }

            // The same fact twice: the claims move to the kept edge under its key, the choices it lacks too.
            foreach (var (claim, reference) in refs)
            {
                var id = Neo4jBatchPlan.ProvenanceId(target.Edge.Id, claim.SourceId, claim.ClaimedStart, claim.ClaimedEnd, reference.Quote ?? string.Empty, reference.Note ?? string.Empty);
                if (target.Claims.All(c => c.Id != id))
                {
                    target.Claims.Add(claim with { Id = id });
                    newClaims.Add(new NewClaim(id, target.Edge.Id, reference, claim.ClaimedStart, claim.ClaimedEnd, claim.RecordedAt));
                }
            }

            target.Resolutions.AddRange(edge.Resolutions
                .Where(r => target.Resolutions.All(t => t.Field != r.Field))
                .Select(r => r with { EdgeId = target.Edge.Id }));
            target.Settle(edge.Edge.Role, edge.Edge.Confidence);
            targets[target.Edge.Id] = target;
            gone.Add(edge);
            merged++;
        }

        // Gone first (their provenance with them), then the moved edges again at their new ends, then the folded claims and settled targets.
        await DeleteEdgesAsync(tx, gone.Concat(moves).ToList(), ct);
        await WriteRowsAsync(tx, "UNWIND $ids AS id MATCH (p:Provenance {edgeId: id}) DETACH DELETE p", gone.Select(e => e.Edge.Id), ct, "ids");
        foreach (var relation in moves.GroupBy(e => e.Edge.Relation))
        {
            // The relationship type comes from the Relation enum, never from input.
            await WriteRowsAsync(tx, $$"""
                UNWIND $rows AS row
                MATCH (a:Node {id: row.fromId}), (b:Node {id: row.toId})
                CREATE (a)-[r:{{Neo4jCypher.Type(relation.Key)}} {id: row.id}]->(b)
                SET r.recordedAt = row.recordedAt, {{EdgeStateSet}}
                """,
                relation.Select(EdgeStateRow),
                ct);
        }

        await WriteClaimsAsync(tx, newClaims, ct);
        var moved = moves.Select(e => e.Edge.Id).ToHashSet(StringComparer.Ordinal);
        await WriteEdgeStatesAsync(tx, targets.Values.Where(t => !moved.Contains(t.Edge.Id)).ToList(), ct);
        return (moves.Count, merged, dropped);
    }

    // ---- shared steps ----------------------------------------------------------------------------------------

    /// <summary>An edge with everything a correction needs: as stored (claims, choices) and its sources as read.</summary>
    private sealed record EdgeRow(StoredEdge Stored, List<(StoredClaim Claim, SourceRef Ref)> Claims)
    {
        /// <summary>The sources in the order the store reads them: oldest claim first, then by source.</summary>
        public List<SourceRef> Refs => Claims.OrderBy(c => c.Claim.RecordedAt, StringComparer.Ordinal).ThenBy(c => c.Claim.SourceId, StringComparer.Ordinal).Select(c => c.Ref).ToList();
    }

    /// <summary>
    /// Edges found by <paramref name="match"/> (a constant pattern that binds a, r, b; every value is a parameter),
    /// each with its claims in full and its choices.
    /// </summary>
    private static async Task<List<EdgeRow>> ReadEdgeRowsAsync(Neo4jTransaction tx, string match, Dictionary<string, object?> parameters, CancellationToken ct)
    {
        var rows = await tx.RunAsync(
            $"{match}\nRETURN {Neo4jCypher.EdgeColumns}, r.inConflict AS inConflict, {Neo4jCypher.ResolutionColumns},\n       {ClaimsColumn}",
            parameters,
            ct);
        return rows.Records.Select(record =>
        {
            var stored = ReadStoredEdge(record);
            var refs = record.GetList("claims").Select(ReadSourceRef).ToList();
            return new EdgeRow(stored, stored.Claims.Zip(refs).ToList());
        }).ToList();
    }

    /// <summary>Deletes relationships by id, one statement per relationship type.</summary>
    private async Task DeleteEdgesAsync(Neo4jTransaction tx, IReadOnlyList<StoredEdge> edges, CancellationToken ct)
    {
        foreach (var relation in edges.GroupBy(e => e.Edge.Relation))
        {
            // The relationship type comes from the Relation enum, never from input.
            await WriteRowsAsync(
                tx,
                $"UNWIND $ids AS id MATCH (:Node)-[r:{Neo4jCypher.Type(relation.Key)} {{id: id}}]->(:Node) DELETE r",
                relation.Select(e => e.Edge.Id),
                ct,
                "ids");
        }
    }

    /// <summary>Writes the settled state of edges (dates, conflict flag, role, confidence, choices), one statement per relationship type.</summary>
    private async Task WriteEdgeStatesAsync(Neo4jTransaction tx, IReadOnlyList<StoredEdge> edges, CancellationToken ct)
    {
        foreach (var relation in edges.GroupBy(e => e.Edge.Relation))
        {
            // The relationship type comes from the Relation enum, never from input.
            await WriteRowsAsync(tx, $$"""
                UNWIND $rows AS row
                MATCH (:Node)-[r:{{Neo4jCypher.Type(relation.Key)}} {id: row.id}]->(:Node)
                SET {{EdgeStateSet}}
                """,
                relation.Select(EdgeStateRow),
                ct);
        }
    }

    private static Dictionary<string, object?> EdgeStateRow(StoredEdge stored)
    {
        var start = stored.Resolutions.FirstOrDefault(r => r.Field == ConflictResolution.StartField);
        var end = stored.Resolutions.FirstOrDefault(r => r.Field == ConflictResolution.EndField);
        return Row(
            ("id", stored.Edge.Id),
            ("fromId", stored.Edge.From),
            ("toId", stored.Edge.To),
            ("role", stored.Edge.Role),
            ("start", stored.Edge.Start?.ToString()),
            ("finish", stored.Edge.End?.ToString()),
            ("confidence", stored.Edge.Confidence),
            ("inConflict", stored.InConflict),
            ("recordedAt", Neo4jBatchPlan.Timestamp(stored.Edge.RecordedAt)),
            ("resolvedStart", start?.Value.ToString()),
            ("resolvedStartNote", start is null ? null : start.Note ?? string.Empty),
            ("resolvedStartAt", start is null ? null : Neo4jBatchPlan.Timestamp(start.ResolvedAt)),
            ("resolvedEnd", end?.Value.ToString()),
            ("resolvedEndNote", end is null ? null : end.Note ?? string.Empty),
            ("resolvedEndAt", end is null ? null : Neo4jBatchPlan.Timestamp(end.ResolvedAt)));
    }
}
