using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>A node as stored: its names in display form and normalized form, first spelling of each kept.</summary>
internal sealed record StoredNode(string Id, NodeKind Kind, string Name, List<string> Names, List<string> Norms)
{
    public OrganizationKind? OrganizationKind { get; set; }

    public string? ParentId { get; set; }

    public int? Year { get; set; }

    public string? Venue { get; set; }

    public List<string> NewNorms { get; } = [];
}

/// <summary>An edge as stored, with the provenance behind it and any person's choices for its dates.</summary>
internal sealed class StoredEdge(GraphEdge edge, bool inConflict)
{
    public GraphEdge Edge { get; set; } = edge;

    public bool InConflict { get; set; } = inConflict;

    public List<StoredClaim> Claims { get; } = [];

    public List<ConflictResolution> Resolutions { get; } = [];

    /// <summary>
    /// Settles the edge's dates again from every claim (oldest first, then by source) and the choices, as SQLite's
    /// settle does: a role fills a missing one and the confidence only rises. Answers whether it is in conflict.
    /// </summary>
    public bool Settle(string? role, double confidence)
    {
        var claims = Claims
            .OrderBy(c => c.RecordedAt, StringComparer.Ordinal)
            .ThenBy(c => c.SourceId, StringComparer.Ordinal)
            .Select(c => (Neo4jGraphStore.Date(c.ClaimedStart), Neo4jGraphStore.Date(c.ClaimedEnd)))
            .ToList();
        var settled = ClaimedDates.SettleEdge(claims, Resolutions);
        Edge = Edge with
        {
            Start = settled.Start,
            End = settled.End,
            Role = Edge.Role ?? role?.Trim(),
            Confidence = Math.Max(Edge.Confidence, confidence),
        };
        InConflict = settled.InConflict;
        return settled.InConflict;
    }
}

/// <summary>One piece of provenance as the merge needs it: its key and the dates this source gave.</summary>
internal sealed record StoredClaim(string Id, string SourceId, string ClaimedStart, string ClaimedEnd, double Confidence, string RecordedAt);

/// <summary>A new piece of provenance to write.</summary>
internal sealed record NewClaim(string Id, string EdgeId, SourceRef Ref, string ClaimedStart, string ClaimedEnd, string RecordedAt);

/// <summary>
/// The merge of a batch into what the store holds, decided in memory with the same domain rules as the SQLite store
/// (<see cref="EdgeIdentity"/>, <see cref="ClaimedDates"/>) so both stores give the same graph and the same counts.
/// Given the current state of everything the batch touches, it answers the problems, or the rows to write.
/// </summary>
internal sealed class Neo4jBatchPlan
{
    private readonly Dictionary<string, NodeKind> _kinds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredNode> _nodes;
    private readonly Dictionary<string, Source> _sources;
    private readonly Dictionary<(string From, Relation Relation, string To), List<StoredEdge>> _edges;
    private readonly string _now;
    private readonly DateTimeOffset _nowValue;
    private readonly HashSet<string> _retracted;
    private readonly HashSet<string> _mergedInto;

    /// <param name="mergedInto">The nodes that ids of the batch were redirected to (merged nodes); an edge the redirect made join one of them to itself is not written.</param>
    public Neo4jBatchPlan(IEnumerable<StoredNode> nodes, IEnumerable<Source> sources, IEnumerable<StoredEdge> edges, DateTimeOffset now, IEnumerable<string>? mergedInto = null)
    {
        _nodes = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        _sources = sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _edges = edges.GroupBy(e => (e.Edge.From, e.Edge.Relation, e.Edge.To)).ToDictionary(g => g.Key, g => g.ToList());
        _nowValue = now;
        _now = Timestamp(now);
        _retracted = _sources.Values.Where(s => s.RetractedAt is not null).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        _mergedInto = (mergedInto ?? []).ToHashSet(StringComparer.Ordinal);
    }

    public List<BatchProblem> Problems { get; } = [];

    public WriteResult Result { get; private set; } = WriteResult.Empty;

    public Dictionary<string, Source> ChangedSources { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredNode> ChangedNodes { get; } = new(StringComparer.Ordinal);

    public HashSet<string> CreatedNodes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredEdge> ChangedEdges { get; } = new(StringComparer.Ordinal);

    public List<NewClaim> NewClaims { get; } = [];

    public string Now => _now;

    /// <summary>The ids a batch needs read from the store first: every node and source it names.</summary>
    public static (IReadOnlyList<string> Nodes, IReadOnlyList<string> Sources, IReadOnlyList<(string From, Relation Relation, string To)> Triples) Needs(GraphBatch batch) =>
        (batch.Nodes.Select(n => n.Id)
                .Concat(batch.Edges.SelectMany(e => new[] { e.From, e.To }))
                .Concat(batch.Nodes.Where(n => n.ParentId is not null).Select(n => n.ParentId!))
                .Distinct(StringComparer.Ordinal).ToList(),
         batch.Sources.Select(s => s.Id).Concat(batch.Edges.SelectMany(e => e.Sources).Select(s => s.SourceId)).Distinct(StringComparer.Ordinal).ToList(),
         batch.Edges.Select(e => (e.From, e.Relation, e.To)).Distinct().ToList());

    public void Apply(GraphBatch batch)
    {
        var storedKinds = _nodes.ToDictionary(p => p.Key, p => p.Value.Kind, StringComparer.Ordinal);
        var newSources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in batch.Sources)
        {
            if (UpsertSource(source))
            {
                newSources.Add(source.Id);
            }
        }

        int newNodes = 0, updatedNodes = 0;
        for (var i = 0; i < batch.Nodes.Count; i++)
        {
            switch (UpsertNode(batch.Nodes[i], i))
            {
                case Change.Created:
                    newNodes++;
                    break;
                case Change.Updated:
                    updatedNodes++;
                    break;
            }
        }

        CheckReferences(batch, storedKinds);
        if (Problems.Count > 0)
        {
            return;
        }

        int newEdges = 0, newProvenance = 0, conflicts = 0;
        foreach (var input in batch.Edges)
        {
            if (Supported(input) is not { } edge)
            {
                continue;
            }

            var (created, provenance, conflict) = MergeEdge(edge);
            newEdges += created ? 1 : 0;
            newProvenance += provenance;
            conflicts += conflict ? 1 : 0;
        }

        Result = new WriteResult(newNodes, updatedNodes, newSources.Count, newEdges, newProvenance, conflicts);
    }

    private enum Change
    {
        None,
        Created,
        Updated,
    }

    private bool UpsertSource(Source source)
    {
        if (!_sources.TryGetValue(source.Id, out var old))
        {
            var created = source with { IngestedAt = _nowValue };
            _sources[source.Id] = created;
            ChangedSources[source.Id] = created;
            return true;
        }

        var merged = old with
        {
            Title = source.Title ?? old.Title,
            Url = source.Url ?? old.Url,
            PublishedOn = source.PublishedOn ?? old.PublishedOn,
            ContentHash = source.ContentHash ?? old.ContentHash,
        };
        if (merged != old)
        {
            _sources[source.Id] = merged;
            ChangedSources[source.Id] = merged;
        }

        return false;
    }

    private Change UpsertNode(GraphNode node, int index)
    {
        _nodes.TryGetValue(node.Id, out var existing);
        if (existing is not null && existing.Kind != node.Kind)
        {
            Problems.Add(new BatchProblem("nodes", index, "kind", $"'{node.Id}' is already a {existing.Kind}, not a {node.Kind}"));
            return Change.None;
        }

        _kinds[node.Id] = node.Kind;
        var change = Change.None;
        var stored = existing;
        if (stored is null)
        {
            stored = new StoredNode(node.Id, node.Kind, node.Name.Trim(), [], [])
            {
                OrganizationKind = node.OrganizationKind,
                ParentId = node.ParentId,
                Year = node.Year,
                Venue = node.Venue,
            };
            _nodes[node.Id] = stored;
            CreatedNodes.Add(node.Id);
            change = Change.Created;
        }
        else
        {
            var before = (stored.OrganizationKind, stored.ParentId, stored.Year, stored.Venue);
            stored.OrganizationKind = node.OrganizationKind ?? stored.OrganizationKind;
            stored.ParentId = node.ParentId ?? stored.ParentId;
            stored.Year = node.Year ?? stored.Year;
            stored.Venue = node.Venue ?? stored.Venue;
            if (before != (stored.OrganizationKind, stored.ParentId, stored.Year, stored.Venue))
            {
                change = Change.Updated;
                ChangedNodes[node.Id] = stored;
            }
        }

        // The incoming name becomes an alias when the node already has another name.
        var addedAlias = false;
        foreach (var alias in node.Aliases.Prepend(node.Name).Prepend(existing?.Name ?? node.Name))
        {
            var norm = NameNormalizer.Normalize(alias);
            if (norm.Length == 0 || stored.Norms.Contains(norm, StringComparer.Ordinal))
            {
                continue;
            }

            stored.Norms.Add(norm);
            stored.Names.Add(alias.Trim());
            stored.NewNorms.Add(norm);
            addedAlias = true;
        }

        if (addedAlias)
        {
            change = change == Change.None ? Change.Updated : change;
        }

        if (change != Change.None)
        {
            ChangedNodes[node.Id] = stored;
        }

        return change;
    }

    /// <summary>Every edge end, parent and source named in the batch must exist in the batch or the store.</summary>
    private void CheckReferences(GraphBatch batch, Dictionary<string, NodeKind> storedKinds)
    {
        bool TryKind(string id, out NodeKind kind) => _kinds.TryGetValue(id, out kind) || storedKinds.TryGetValue(id, out kind);

        Problems.AddRange(BatchValidator.CheckReferences(batch, id => TryKind(id, out var kind) ? kind : null, _sources.ContainsKey));
    }

    /// <summary>
    /// The edge without the claims of retracted sources; null when nothing is left to write, or when a merge made it
    /// join a node to itself (as the merge itself drops such edges). The same rule as SQLite's.
    /// </summary>
    private EdgeInput? Supported(EdgeInput edge)
    {
        if (string.Equals(edge.From, edge.To, StringComparison.Ordinal) && _mergedInto.Contains(edge.From))
        {
            return null;
        }

        if (_retracted.Count == 0)
        {
            return edge;
        }

        var sources = edge.Sources.Where(s => !_retracted.Contains(s.SourceId)).ToList();
        return sources.Count == 0 ? null : edge with { Sources = sources };
    }

    private (bool Created, int Provenance, bool NewConflict) MergeEdge(EdgeInput input)
    {
        var key = (input.From, input.Relation, input.To);
        if (!_edges.TryGetValue(key, out var candidates))
        {
            candidates = [];
            _edges[key] = candidates;
        }

        // The order SQLite reads candidates in: by start as text (none first), then id.
        var match = candidates
            .OrderBy(c => c.Edge.Start?.ToString(), StringComparer.Ordinal)
            .ThenBy(c => c.Edge.Id, StringComparer.Ordinal)
            .FirstOrDefault(c => EdgeIdentity.IsSameFact(c.Edge, input.Relation, input.From, input.To, input.Role, input.Start));
        var created = match is null;
        var wasInConflict = match?.InConflict ?? false;
        if (match is null)
        {
            var taken = candidates.Select(c => c.Edge.Id).ToHashSet(StringComparer.Ordinal);
            var id = Enumerable.Range(0, int.MaxValue)
                .Select(attempt => EdgeIdentity.NewId(input.Relation, input.From, input.To, input.Role, input.Start, attempt))
                .First(candidate => !taken.Contains(candidate));
            match = new StoredEdge(
                new GraphEdge(id, input.Relation, input.From, input.To)
                {
                    Role = input.Role?.Trim(),
                    Start = input.Start,
                    End = input.End,
                    Confidence = input.Confidence,
                    RecordedAt = _nowValue,
                },
                false);
            candidates.Add(match);
            ChangedEdges[id] = match;
        }

        var edgeId = match.Edge.Id;
        var claimedStart = input.Start?.ToString() ?? string.Empty;
        var claimedEnd = input.End?.ToString() ?? string.Empty;
        var provenance = 0;
        foreach (var source in input.Sources)
        {
            var id = ProvenanceId(edgeId, source.SourceId, claimedStart, claimedEnd, source.Quote ?? string.Empty, source.Note ?? string.Empty);
            if (match.Claims.Any(c => c.Id == id))
            {
                continue;
            }

            match.Claims.Add(new StoredClaim(id, source.SourceId, claimedStart, claimedEnd, source.Confidence, _now));
            NewClaims.Add(new NewClaim(id, edgeId, source, claimedStart, claimedEnd, _now));
            provenance++;
        }

        if (created || provenance == 0)
        {
            return (created, provenance, false);
        }

        // New support for an existing edge: settle its dates again from every source's claim and any person's choice.
        var inConflict = match.Settle(input.Role, input.Confidence);
        ChangedEdges[edgeId] = match;
        return (false, provenance, inConflict && !wasInConflict);
    }

    /// <summary>The key of a piece of provenance, as SQLite's primary key: edge, source, claimed dates, quote and note.</summary>
    public static string ProvenanceId(string edgeId, string sourceId, string claimedStart, string claimedEnd, string quote, string note)
    {
        var key = string.Join('\u001F', edgeId, sourceId, claimedStart, claimedEnd, quote, note);
        return "prov:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
    }

    public static string Timestamp(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);
}
