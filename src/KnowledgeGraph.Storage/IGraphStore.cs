using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage;

/// <summary>
/// The one storage port. Reads take many ids at once so a GraphQL list resolves in a few round trips;
/// edges come without their sources, which are loaded by <see cref="GetSourceRefsAsync"/> when asked for.
/// </summary>
public interface IGraphStore
{
    /// <summary>Creates or migrates the schema; safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>True when the store answers a trivial read.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);

    /// <summary>Applies a batch whole or not at all; throws <see cref="GraphValidationException"/> naming every problem.</summary>
    Task<WriteResult> ApplyAsync(GraphBatch batch, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Nodes whose name or an alias equals <paramref name="name"/>, case-insensitively; optionally of one kind.</summary>
    Task<IReadOnlyList<GraphNode>> FindByNameAsync(string name, NodeKind? kind, CancellationToken cancellationToken);

    /// <summary>Full-text search over names and aliases, best matches first, prefix matching on the last word.</summary>
    Task<IReadOnlyList<GraphNode>> SearchAsync(string text, int first, CancellationToken cancellationToken);

    /// <summary>Edges leaving each of the nodes, optionally only of some relations; every id has an entry.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<GraphEdge>>> GetEdgesFromAsync(IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<Relation>? relations, CancellationToken cancellationToken);

    /// <summary>Edges arriving at each of the nodes, optionally only of some relations; every id has an entry.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<GraphEdge>>> GetEdgesToAsync(IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<Relation>? relations, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, GraphEdge>> GetEdgesAsync(IReadOnlyCollection<string> edgeIds, CancellationToken cancellationToken);

    /// <summary>The provenance of each edge; every id has an entry.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<SourceRef>>> GetSourceRefsAsync(IReadOnlyCollection<string> edgeIds, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, Source>> GetSourcesAsync(IReadOnlyCollection<string> sourceIds, CancellationToken cancellationToken);

    /// <summary>Edges whose sources disagree, with their sources, in a stable order.</summary>
    Task<IReadOnlyList<GraphEdge>> GetConflictedEdgesAsync(int first, int offset, CancellationToken cancellationToken);

    /// <summary>A small key/value area for the service's own bookkeeping (e.g. "seed imported").</summary>
    Task<string?> GetMetaAsync(string key, CancellationToken cancellationToken);

    Task SetMetaAsync(string key, string value, CancellationToken cancellationToken);

    Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>Counts by node kind and by relation (every kind and relation present, zero when none), and conflicted edges.</summary>
    Task<GraphBreakdown> GetBreakdownAsync(CancellationToken cancellationToken);

    // ---- corrections. Defaults refuse, so an adapter (or a test double) without them still builds and says what is missing.

    /// <summary>
    /// Withdraws every claim of one source in one transaction: edges it alone supported are removed, the others are
    /// settled again from their remaining sources. The source stays, marked retracted, so re-imports of it add nothing.
    /// Retracting again changes nothing. Throws <see cref="CorrectionException"/> for an unknown source.
    /// </summary>
    Task<RetractResult> RetractSourceAsync(string sourceId, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"retractSource is not supported by {GetType().Name}");

    /// <summary>A new version of a source: its old claims are withdrawn (as by <see cref="RetractSourceAsync"/>) and the batch applied, in one transaction.</summary>
    Task<WriteResult> ReplaceSourceAsync(string sourceId, GraphBatch batch, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"replacing a document's claims (a new version of a document) is not supported by {GetType().Name}");

    /// <summary>
    /// Records a person's value for a disputed field ("edge:…/start", or an edge id when one field is disputed); kept
    /// across re-imports. Throws <see cref="CorrectionException"/> for an unknown edge or a field its sources agree on.
    /// </summary>
    Task<ResolveResult> ResolveConflictAsync(string conflictId, Core.Dates.PartialDate value, string? note, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"resolveConflict is not supported by {GetType().Name}");

    /// <summary>The recorded choices for each edge; every id has an entry.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<ConflictResolution>>> GetResolutionsAsync(IReadOnlyCollection<string> edgeIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<ConflictResolution>>>(edgeIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => (IReadOnlyList<ConflictResolution>)[], StringComparer.Ordinal));

    /// <summary>
    /// Folds <paramref name="removeId"/> into <paramref name="keepId"/> in one transaction: edges, sources and names
    /// (as aliases) move over, the same fact twice becomes one edge with both sources, and later writes naming the
    /// removed id go to the kept node. Merging again changes nothing. Throws <see cref="CorrectionException"/> for
    /// unknown ids or nodes of different kinds.
    /// </summary>
    Task<MergeResult> MergeEntitiesAsync(string keepId, string removeId, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"mergeEntities is not supported by {GetType().Name}");
}
