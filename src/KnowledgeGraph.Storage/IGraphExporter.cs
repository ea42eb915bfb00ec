using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage;

/// <summary>
/// Reads the whole graph page by page, for export, backup checks and copying between stores. Each list is in id
/// order and a page starts after the last id of the one before (keyset paging), so memory stays one page whatever the
/// graph's size and a read can resume from any id. Pass an empty string to start from the beginning.
/// </summary>
public interface IGraphExporter
{
    /// <summary>Up to <paramref name="limit"/> sources whose id sorts after <paramref name="afterId"/> (ordinal order).</summary>
    Task<IReadOnlyList<Source>> ReadSourcesAsync(string afterId, int limit, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> nodes whose id sorts after <paramref name="afterId"/>, with names and aliases.</summary>
    Task<IReadOnlyList<GraphNode>> ReadNodesAsync(string afterId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> edges whose id sorts after <paramref name="afterId"/>, each with all of its
    /// provenance in <see cref="GraphEdge.Sources"/> (claimed dates, quote or note, offsets, confidence) in the order it
    /// was recorded.
    /// </summary>
    Task<IReadOnlyList<GraphEdge>> ReadEdgesAsync(string afterId, int limit, CancellationToken cancellationToken);
}
