using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage.Export;

/// <summary>
/// Copies a whole graph with its provenance from one store into another through the target's own batch writes, a
/// page at a time, recording a <see cref="CopyCheckpoint"/> in the target after each batch so an interrupted copy
/// continues where it stopped. Sources go first, then nodes (without parents, which may sort later), then parents,
/// then edges as the claims that make them (<see cref="EdgeClaims"/>).
/// </summary>
public sealed class GraphCopier(IGraphExporter from, IGraphStore to, string fromName, int batchSize = GraphPages.DefaultSize)
{
    /// <summary>The meta key this copy's checkpoint lives under in the target.</summary>
    public string CheckpointKey { get; } = CopyCheckpoint.KeyFor(fromName);

    /// <summary>Edges skipped because they had no provenance (a records line or a batch needs at least one source).</summary>
    public long SkippedEdges { get; private set; }

    /// <summary>Forgets a recorded checkpoint, so the next run copies from the beginning.</summary>
    public Task ResetAsync(CancellationToken cancellationToken) => to.SetMetaAsync(CheckpointKey, CopyCheckpoint.Start.ToJson(), cancellationToken);

    /// <summary>Where the last run stopped (<see cref="CopyCheckpoint.Start"/> when none ran).</summary>
    public async Task<CopyCheckpoint> CheckpointAsync(CancellationToken cancellationToken) =>
        CopyCheckpoint.Parse(await to.GetMetaAsync(CheckpointKey, cancellationToken), CheckpointKey);

    /// <summary>Copies what is left after the checkpoint; <paramref name="progress"/> hears after every batch.</summary>
    public async Task<WriteResult> RunAsync(IProgress<CopyCheckpoint>? progress, CancellationToken cancellationToken)
    {
        var at = await CheckpointAsync(cancellationToken);
        var total = WriteResult.Empty;
        progress?.Report(at);
        if (at.Phase == CopyPhase.Sources)
        {
            await foreach (var page in GraphPages.SourcesAsync(from, batchSize, at.AfterId, cancellationToken))
            {
                var batch = new GraphBatch();
                batch.Sources.AddRange(page);
                (at, total) = await WriteAsync(batch, at, page[^1].Id, page.Count, total, progress, cancellationToken);
            }

            at = await NextAsync(CopyPhase.Nodes, progress, cancellationToken);
        }

        if (at.Phase == CopyPhase.Nodes)
        {
            await foreach (var page in GraphPages.NodesAsync(from, batchSize, at.AfterId, cancellationToken))
            {
                var batch = new GraphBatch();
                batch.Nodes.AddRange(page.Select(n => n with { ParentId = null }));
                (at, total) = await WriteAsync(batch, at, page[^1].Id, page.Count, total, progress, cancellationToken);
            }

            at = await NextAsync(CopyPhase.Parents, progress, cancellationToken);
        }

        if (at.Phase == CopyPhase.Parents)
        {
            await foreach (var page in GraphPages.NodesAsync(from, batchSize, at.AfterId, cancellationToken))
            {
                var batch = new GraphBatch();
                batch.Nodes.AddRange(page.Where(n => n.ParentId is not null));
                (at, total) = await WriteAsync(batch, at, page[^1].Id, page.Count, total, progress, cancellationToken);
            }

            at = await NextAsync(CopyPhase.Edges, progress, cancellationToken);
        }

        if (at.Phase == CopyPhase.Edges)
        {
            await foreach (var page in GraphPages.EdgesAsync(from, batchSize, at.AfterId, cancellationToken))
            {
                var batch = new GraphBatch();
                foreach (var edge in page)
                {
                    var claims = EdgeClaims.Of(edge);
                    SkippedEdges += claims.Count == 0 ? 1 : 0;
                    batch.Edges.AddRange(claims);
                }

                (at, total) = await WriteAsync(batch, at, page[^1].Id, page.Count, total, progress, cancellationToken);
            }

            await NextAsync(CopyPhase.Done, progress, cancellationToken);
        }

        return total;
    }

    private async Task<(CopyCheckpoint, WriteResult)> WriteAsync(GraphBatch batch, CopyCheckpoint at, string lastId, int count, WriteResult total, IProgress<CopyCheckpoint>? progress, CancellationToken cancellationToken)
    {
        var written = batch.IsEmpty ? WriteResult.Empty : await to.ApplyAsync(batch, cancellationToken);
        var next = at with { AfterId = lastId, Done = at.Done + count };
        await to.SetMetaAsync(CheckpointKey, next.ToJson(), cancellationToken);
        progress?.Report(next);
        return (next, total.Add(written));
    }

    private async Task<CopyCheckpoint> NextAsync(CopyPhase phase, IProgress<CopyCheckpoint>? progress, CancellationToken cancellationToken)
    {
        var next = new CopyCheckpoint(phase, string.Empty, 0);
        await to.SetMetaAsync(CheckpointKey, next.ToJson(), cancellationToken);
        progress?.Report(next);
        return next;
    }
}
