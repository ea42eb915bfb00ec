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
}
