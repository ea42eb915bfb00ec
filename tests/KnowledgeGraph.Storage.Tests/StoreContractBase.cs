using KnowledgeGraph.Core.Graph;
using static KnowledgeGraph.Storage.Tests.TestGraph;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>What the store contract suites share: a fresh store per test, the base graph, and reading one edge back.</summary>
public abstract class StoreContractBase
{
    protected static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>A fresh, empty, initialized store, used by one test only.</summary>
    protected abstract Task<IGraphStore> CreateStoreAsync();

    protected async Task<IGraphStore> StoreWithBaseAsync()
    {
        var store = await CreateStoreAsync();
        await store.ApplyAsync(Base(), Ct);
        return store;
    }

    protected static async Task<GraphEdge> SingleEdgeAsync(IGraphStore store, string from, Relation relation)
    {
        var edges = await store.GetEdgesFromAsync([from], [relation], Ct);
        return Assert.Single(edges[from]);
    }

    protected static async Task<GraphEdge> WithSourcesAsync(IGraphStore store, GraphEdge edge)
    {
        var refs = await store.GetSourceRefsAsync([edge.Id], Ct);
        return edge with { Sources = refs[edge.Id] };
    }
}
