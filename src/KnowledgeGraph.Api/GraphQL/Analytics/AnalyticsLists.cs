using GraphQL;
using GraphQL.DataLoader;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Api.GraphQL.Analytics;

/// <summary>Lists of nodes behind an aggregate, loaded in one batch.</summary>
internal static class AnalyticsLists
{
    /// <summary>The nodes of the ids, in order, skipping any the store no longer has.</summary>
    public static IDataLoaderResult<List<GraphNode>> People(IResolveFieldContext context, IEnumerable<string> ids)
    {
        var pending = ids.Select(context.Loaders().Nodes.Load).ToList();
        return new Gathered(pending);
    }

    private sealed class Gathered(List<IDataLoaderResult<GraphNode?>> pending) : IDataLoaderResult<List<GraphNode>>
    {
        public async Task<List<GraphNode>> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var nodes = new List<GraphNode>(pending.Count);
            foreach (var item in pending)
            {
                if (await item.GetResultAsync(cancellationToken) is { } node)
                {
                    nodes.Add(node);
                }
            }

            return nodes;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
