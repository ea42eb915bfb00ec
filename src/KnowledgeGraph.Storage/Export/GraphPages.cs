using System.Runtime.CompilerServices;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage.Export;

/// <summary>The whole graph as a stream of pages from an <see cref="IGraphExporter"/>: one page in memory at a time.</summary>
public static class GraphPages
{
    /// <summary>The page size exports and copies use unless told otherwise: a few thousand rows per read and write.</summary>
    public const int DefaultSize = 2000;

    public static IAsyncEnumerable<IReadOnlyList<Source>> SourcesAsync(IGraphExporter exporter, int pageSize, string afterId, CancellationToken cancellationToken) =>
        PagesAsync(exporter.ReadSourcesAsync, s => s.Id, pageSize, afterId, cancellationToken);

    public static IAsyncEnumerable<IReadOnlyList<GraphNode>> NodesAsync(IGraphExporter exporter, int pageSize, string afterId, CancellationToken cancellationToken) =>
        PagesAsync(exporter.ReadNodesAsync, n => n.Id, pageSize, afterId, cancellationToken);

    public static IAsyncEnumerable<IReadOnlyList<GraphEdge>> EdgesAsync(IGraphExporter exporter, int pageSize, string afterId, CancellationToken cancellationToken) =>
        PagesAsync(exporter.ReadEdgesAsync, e => e.Id, pageSize, afterId, cancellationToken);

    private static async IAsyncEnumerable<IReadOnlyList<T>> PagesAsync<T>(
        Func<string, int, CancellationToken, Task<IReadOnlyList<T>>> read,
        Func<T, string> idOf,
        int pageSize,
        string afterId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var after = afterId;
        while (true)
        {
            var page = await read(after, pageSize, cancellationToken);
            if (page.Count == 0)
            {
                yield break;
            }

            yield return page;
            if (page.Count < pageSize)
            {
                yield break;
            }

            after = idOf(page[^1]);
        }
    }
}
