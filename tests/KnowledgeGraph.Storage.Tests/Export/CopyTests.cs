using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Export;

namespace KnowledgeGraph.Storage.Tests.Export;

/// <summary>`kg copy`: a whole graph with provenance from one store to another, in batches, resumable.</summary>
[Trait("Category", "Store")]
public sealed class CopyTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly TempStores _stores = new();

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task A_copy_gives_the_same_graph_and_a_restarted_copy_changes_nothing()
    {
        var source = await _stores.SeededAsync();
        var target = await _stores.EmptyAsync();
        var copier = new GraphCopier(source, target, "sqlite:source", batchSize: 64);

        var written = await copier.RunAsync(null, Ct);
        var stats = await source.GetStatsAsync(Ct);

        Assert.Equal(stats, await target.GetStatsAsync(Ct));
        Assert.Equal(((int)stats.Nodes, (int)stats.Edges, (int)stats.Provenance), (written.NewNodes, written.NewEdges, written.NewProvenance));
        Assert.Equal((await source.GetBreakdownAsync(Ct)).ConflictedEdges, (await target.GetBreakdownAsync(Ct)).ConflictedEdges);
        Assert.Equal(await TempStores.SnapshotAsync(source), await TempStores.SnapshotAsync(target));
        Assert.Equal(CopyPhase.Done, (await copier.CheckpointAsync(Ct)).Phase);

        await copier.ResetAsync(Ct);
        var again = await copier.RunAsync(null, Ct);
        Assert.False(again.ChangedAnything, $"a second copy changed {again}");
        Assert.Equal(stats, await target.GetStatsAsync(Ct));
    }

    [Theory]
    [InlineData(CopyPhase.Nodes, 3)]
    [InlineData(CopyPhase.Edges, 5)]
    public async Task An_interrupted_copy_resumes_after_its_checkpoint_and_ends_with_the_same_graph(CopyPhase failIn, int failOnBatch)
    {
        var source = await _stores.SeededAsync();
        var full = new CountingStore(await _stores.EmptyAsync());
        await new GraphCopier(source, full, "sqlite:source", batchSize: 64).RunAsync(null, Ct);
        var target = await _stores.EmptyAsync();

        var crashing = new CountingStore(target) { FailIn = failIn, FailOnBatch = failOnBatch };
        var crash = await Assert.ThrowsAsync<IOException>(() => new GraphCopier(source, crashing, "sqlite:source", batchSize: 64).RunAsync(null, Ct));
        var copier = new GraphCopier(source, new CountingStore(target), "sqlite:source", batchSize: 64);
        var checkpoint = await copier.CheckpointAsync(Ct);
        var partial = await target.GetStatsAsync(Ct);
        var resumed = new CountingStore(target);
        await new GraphCopier(source, resumed, "sqlite:source", batchSize: 64).RunAsync(null, Ct);

        Assert.Equal("simulated crash", crash.Message);
        Assert.Equal(failIn, checkpoint.Phase);
        Assert.Equal((failOnBatch - 1) * 64, checkpoint.Done);
        Assert.NotEqual(string.Empty, checkpoint.AfterId);
        var stats = await source.GetStatsAsync(Ct);
        Assert.True(partial.Edges < stats.Edges, "the interrupted copy should have stopped part way");
        Assert.Equal(full.Applied, crashing.Applied - 1 + resumed.Applied);
        Assert.Equal(stats, await target.GetStatsAsync(Ct));
        Assert.Equal(await TempStores.SnapshotAsync(source), await TempStores.SnapshotAsync(target));
    }

    /// <summary>A store that counts the batches applied and can fail one, as a process dying mid-copy would.</summary>
    private sealed class CountingStore(IGraphStore inner) : IGraphStore
    {
        private int _batchesInPhase;

        public int Applied { get; private set; }

        public CopyPhase? FailIn { get; init; }

        public int FailOnBatch { get; init; }

        public async Task<WriteResult> ApplyAsync(GraphBatch batch, CancellationToken cancellationToken)
        {
            Applied++;
            var phase = batch.Edges.Count > 0 ? CopyPhase.Edges : batch.Nodes.Count > 0 ? CopyPhase.Nodes : CopyPhase.Sources;
            if (phase == FailIn && ++_batchesInPhase == FailOnBatch)
            {
                throw new IOException("simulated crash");
            }

            return await inner.ApplyAsync(batch, cancellationToken);
        }

        public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

        public Task<bool> PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);

        public Task<IReadOnlyDictionary<string, GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetNodesAsync(ids, cancellationToken);

        public Task<IReadOnlyList<GraphNode>> FindByNameAsync(string name, NodeKind? kind, CancellationToken cancellationToken) => inner.FindByNameAsync(name, kind, cancellationToken);

        public Task<IReadOnlyList<GraphNode>> SearchAsync(string text, int first, CancellationToken cancellationToken) => inner.SearchAsync(text, first, cancellationToken);

        public Task<IReadOnlyDictionary<string, IReadOnlyList<GraphEdge>>> GetEdgesFromAsync(IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<Relation>? relations, CancellationToken cancellationToken) => inner.GetEdgesFromAsync(nodeIds, relations, cancellationToken);

        public Task<IReadOnlyDictionary<string, IReadOnlyList<GraphEdge>>> GetEdgesToAsync(IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<Relation>? relations, CancellationToken cancellationToken) => inner.GetEdgesToAsync(nodeIds, relations, cancellationToken);

        public Task<IReadOnlyDictionary<string, GraphEdge>> GetEdgesAsync(IReadOnlyCollection<string> edgeIds, CancellationToken cancellationToken) => inner.GetEdgesAsync(edgeIds, cancellationToken);

        public Task<IReadOnlyDictionary<string, IReadOnlyList<SourceRef>>> GetSourceRefsAsync(IReadOnlyCollection<string> edgeIds, CancellationToken cancellationToken) => inner.GetSourceRefsAsync(edgeIds, cancellationToken);

        public Task<IReadOnlyDictionary<string, Source>> GetSourcesAsync(IReadOnlyCollection<string> sourceIds, CancellationToken cancellationToken) => inner.GetSourcesAsync(sourceIds, cancellationToken);

        public Task<IReadOnlyList<GraphEdge>> GetConflictedEdgesAsync(int first, int offset, CancellationToken cancellationToken) => inner.GetConflictedEdgesAsync(first, offset, cancellationToken);

        public Task<string?> GetMetaAsync(string key, CancellationToken cancellationToken) => inner.GetMetaAsync(key, cancellationToken);

        public Task SetMetaAsync(string key, string value, CancellationToken cancellationToken) => inner.SetMetaAsync(key, value, cancellationToken);

        public Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken) => inner.GetStatsAsync(cancellationToken);

        public Task<GraphBreakdown> GetBreakdownAsync(CancellationToken cancellationToken) => inner.GetBreakdownAsync(cancellationToken);
    }
}
