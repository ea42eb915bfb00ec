using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Api.Tests;

/// <summary>A list of people is loaded in a few store calls, not one per person.</summary>
[Trait("Category", "Api")]
public sealed class BatchingTests
{
    [Fact]
    public async Task Builders_with_status_and_current_affiliation_take_a_fixed_number_of_store_calls()
    {
        CountingStore? counting = null;
        await using var host = new ApiHost
        {
            ConfigureTestServices = services =>
            {
                var inner = services.Single(d => d.ServiceType == typeof(IGraphStore));
                services.Remove(inner);
                services.AddSingleton<IGraphStore>(sp => counting = new CountingStore((IGraphStore)inner.ImplementationFactory!(sp)));
            },
        };
        await host.InitializeAsync();
        counting!.Reset();
        var data = await host.DataAsync("""
            { model(name: "Codex") { builders { relation person { name status { kind since organization { name } }
              currentAffiliation { organization { name } title } } } } }
            """);
        var builders = data["model"]!["builders"]!.AsArray().Count;
        Assert.True(builders >= 20);
        // find model, builders, people, their edges, organizations: a handful of calls whatever the list length.
        Assert.True(counting.Calls <= 6, $"{counting.Calls} store calls for {builders} builders: {string.Join(", ", counting.Log)}");
    }

    /// <summary>Counts read calls on the way to the real store.</summary>
    private sealed class CountingStore(IGraphStore inner) : IGraphStore
    {
        private int _calls;

        public int Calls => _calls;

        public List<string> Log { get; } = [];

        public void Reset()
        {
            _calls = 0;
            lock (Log)
            {
                Log.Clear();
            }
        }

        private T Count<T>(string name, T result)
        {
            Interlocked.Increment(ref _calls);
            lock (Log)
            {
                Log.Add(name);
            }

            return result;
        }

        public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

        public Task<bool> PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);

        public Task<WriteResult> ApplyAsync(GraphBatch batch, CancellationToken cancellationToken) => inner.ApplyAsync(batch, cancellationToken);

        public Task<IReadOnlyDictionary<string, GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => Count(nameof(GetNodesAsync), inner.GetNodesAsync(ids, cancellationToken));

        public Task<IReadOnlyList<GraphNode>> FindByNameAsync(string name, NodeKind? kind, CancellationToken cancellationToken) => Count(nameof(FindByNameAsync), inner.FindByNameAsync(name, kind, cancellationToken));

        public Task<IReadOnlyList<GraphNode>> SearchAsync(string text, int first, CancellationToken cancellationToken) => Count(nameof(SearchAsync), inner.SearchAsync(text, first, cancellationToken));

        public Task<IReadOnlyDictionary<string, IReadOnlyList<GraphEdge>>> GetEdgesFromAsync(IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<Relation>? relations, CancellationToken cancellationToken) => Count(nameof(GetEdgesFromAsync), inner.GetEdgesFromAsync(nodeIds, relations, cancellationToken));

        public Task<IReadOnlyDictionary<string, IReadOnlyList<GraphEdge>>> GetEdgesToAsync(IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<Relation>? relations, CancellationToken cancellationToken) => Count(nameof(GetEdgesToAsync), inner.GetEdgesToAsync(nodeIds, relations, cancellationToken));

        public Task<IReadOnlyDictionary<string, GraphEdge>> GetEdgesAsync(IReadOnlyCollection<string> edgeIds, CancellationToken cancellationToken) => Count(nameof(GetEdgesAsync), inner.GetEdgesAsync(edgeIds, cancellationToken));

        public Task<IReadOnlyDictionary<string, IReadOnlyList<SourceRef>>> GetSourceRefsAsync(IReadOnlyCollection<string> edgeIds, CancellationToken cancellationToken) => Count(nameof(GetSourceRefsAsync), inner.GetSourceRefsAsync(edgeIds, cancellationToken));

        public Task<IReadOnlyDictionary<string, Source>> GetSourcesAsync(IReadOnlyCollection<string> sourceIds, CancellationToken cancellationToken) => Count(nameof(GetSourcesAsync), inner.GetSourcesAsync(sourceIds, cancellationToken));

        public Task<IReadOnlyList<GraphEdge>> GetConflictedEdgesAsync(int first, int offset, CancellationToken cancellationToken) => Count(nameof(GetConflictedEdgesAsync), inner.GetConflictedEdgesAsync(first, offset, cancellationToken));

        public Task<string?> GetMetaAsync(string key, CancellationToken cancellationToken) => inner.GetMetaAsync(key, cancellationToken);

        public Task SetMetaAsync(string key, string value, CancellationToken cancellationToken) => inner.SetMetaAsync(key, value, cancellationToken);

        public Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken) => inner.GetStatsAsync(cancellationToken);

        public Task<GraphBreakdown> GetBreakdownAsync(CancellationToken cancellationToken) => inner.GetBreakdownAsync(cancellationToken);
    }
}
