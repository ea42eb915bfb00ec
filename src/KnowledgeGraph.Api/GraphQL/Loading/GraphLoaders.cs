using GraphQL.DataLoader;
using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Api.GraphQL.Loading;

/// <summary>
/// The batched reads of one GraphQL request. A list of people asks for their nodes, edges and tenures in one
/// store call per level, not one per person. Created per request (scoped).
/// </summary>
public sealed class GraphLoaders
{
    private static readonly Relation[] BuilderRelations = [Relation.WorkedOn, Relation.Led];
    private static readonly Relation[] AuthorRelations = [Relation.Authored, Relation.WorkedOn, Relation.Led];
    private static readonly Relation[] MemberRelations = [Relation.WorkedAt, Relation.Joined, Relation.Left, Relation.Founded];
    private static readonly Relation[] DevelopedBy = [Relation.DevelopedBy];
    private static readonly Relation[] AffiliationRelations = [.. Relations.All.Where(r => r.IsAffiliation())];

    public GraphLoaders(IGraphStore store, TenureMemo tenures)
    {
        Nodes = new BatchLoader<string, GraphNode?>(async (ids, ct) => (await store.GetNodesAsync(ids, ct)).ToDictionary(p => p.Key, p => (GraphNode?)p.Value), null);
        EdgesFrom = new BatchLoader<string, IReadOnlyList<GraphEdge>>((ids, ct) => store.GetEdgesFromAsync(ids, null, ct), []);
        Builders = new BatchLoader<string, IReadOnlyList<GraphEdge>>((ids, ct) => store.GetEdgesToAsync(ids, BuilderRelations, ct), []);
        Authors = new BatchLoader<string, IReadOnlyList<GraphEdge>>((ids, ct) => store.GetEdgesToAsync(ids, AuthorRelations, ct), []);
        MemberEdges = new BatchLoader<string, IReadOnlyList<GraphEdge>>((ids, ct) => store.GetEdgesToAsync(ids, MemberRelations, ct), []);
        ModelsOf = new BatchLoader<string, IReadOnlyList<GraphEdge>>((ids, ct) => store.GetEdgesToAsync(ids, DevelopedBy, ct), []);
        SourceRefs = new BatchLoader<string, IReadOnlyList<SourceRef>>((ids, ct) => store.GetSourceRefsAsync(ids, ct), []);
        Sources = new BatchLoader<string, Source?>(async (ids, ct) => await store.GetSourcesAsync(ids, ct) is var found ? found.ToDictionary(p => p.Key, p => (Source?)p.Value) : [], null);
        Tenures = new BatchLoader<string, IReadOnlyList<Tenure>>(async (ids, ct) =>
        {
            // Only the edges tenures are made of: a builder's many WORKED_ON and AUTHORED edges are not read.
            var edges = await store.GetEdgesFromAsync(ids, AffiliationRelations, ct);
            return edges.ToDictionary(p => p.Key, p => tenures.Build(p.Value));
        }, []);
    }

    public BatchLoader<string, GraphNode?> Nodes { get; }

    /// <summary>Every edge leaving a node (a person's whole career).</summary>
    public BatchLoader<string, IReadOnlyList<GraphEdge>> EdgesFrom { get; }

    /// <summary>WORKED_ON and LED edges arriving at a model.</summary>
    public BatchLoader<string, IReadOnlyList<GraphEdge>> Builders { get; }

    /// <summary>AUTHORED (and WORKED_ON, LED) edges arriving at a paper.</summary>
    public BatchLoader<string, IReadOnlyList<GraphEdge>> Authors { get; }

    /// <summary>Affiliation edges arriving at an organization.</summary>
    public BatchLoader<string, IReadOnlyList<GraphEdge>> MemberEdges { get; }

    /// <summary>DEVELOPED_BY edges arriving at an organization.</summary>
    public BatchLoader<string, IReadOnlyList<GraphEdge>> ModelsOf { get; }

    public BatchLoader<string, IReadOnlyList<SourceRef>> SourceRefs { get; }

    public BatchLoader<string, Source?> Sources { get; }

    /// <summary>A person's tenures, built from their edges by the career rules.</summary>
    public BatchLoader<string, IReadOnlyList<Tenure>> Tenures { get; }

    /// <summary>The provenance of several edges, merged (a tenure is built from several edges).</summary>
    public async Task<IReadOnlyList<SourceRef>> SourceRefsOfAsync(IEnumerable<GraphEdge> edges, CancellationToken cancellationToken)
    {
        var pending = edges.Select(e => SourceRefs.Load(e.Id)).ToList();
        var all = new List<SourceRef>();
        foreach (var item in pending)
        {
            all.AddRange(await item.GetResultAsync(cancellationToken));
        }

        return all.Distinct().ToList();
    }

    public IDataLoaderResult<IReadOnlyList<SourceRef>> SourceRefsOf(IReadOnlyList<GraphEdge> edges) =>
        edges.Count == 1 ? SourceRefs.Load(edges[0].Id) : new Deferred<IReadOnlyList<SourceRef>>(ct => SourceRefsOfAsync(edges, ct), edges.Select(e => SourceRefs.Load(e.Id)).ToList());

    /// <summary>Registers keys now (so they join the level's batch) and computes the value when awaited.</summary>
    private sealed class Deferred<T>(Func<CancellationToken, Task<T>> compute, object keepAlive) : IDataLoaderResult<T>
    {
        public object KeepAlive { get; } = keepAlive;

        public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => compute(cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
