using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Export;
using static KnowledgeGraph.Storage.Tests.TestGraph;

namespace KnowledgeGraph.Storage.Tests.Export;

/// <summary>An edge turned back into the statements that make it: grouped by claim, the creating one first.</summary>
[Trait("Category", "Store")]
public sealed class EdgeClaimsTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly TempStores _stores = new();

    public void Dispose() => _stores.Dispose();

    private async Task<GraphEdge> StoredEdgeAsync(IGraphStore store, Relation relation)
    {
        var edge = Assert.Single((await store.GetEdgesFromAsync([Jerry], [relation], Ct))[Jerry]);
        return edge with { Sources = (await store.GetSourceRefsAsync([edge.Id], Ct))[edge.Id] };
    }

    [Fact]
    public async Task Sources_that_claimed_the_same_dates_make_one_statement_and_every_source_keeps_its_quote()
    {
        var store = await _stores.EmptyAsync();
        await store.ApplyAsync(Base(), Ct);
        await store.ApplyAsync(Of(Edge(Relation.Left, Jerry, OpenAi, "src:a", "2026-01-05"), Edge(Relation.Left, Jerry, OpenAi, "src:b", "2026-01-06"), Edge(Relation.Left, Jerry, OpenAi, "src:c", "2026-01-05")), Ct);
        var edge = await StoredEdgeAsync(store, Relation.Left);

        var claims = EdgeClaims.Of(edge);

        Assert.Equal(2, claims.Count);
        Assert.Equal(["2026-01-05", "2026-01-06"], claims.Select(c => c.Start.ToString()));
        Assert.Equal(["src:a", "src:c"], claims[0].Sources.Select(s => s.SourceId));
        Assert.Equal("src:c says so", claims[0].Sources[1].Quote);
        Assert.Empty(EdgeClaims.Of(edge with { Sources = [] }));
    }

    [Fact]
    public async Task The_claim_that_created_the_edge_comes_first_even_without_a_start_or_the_role_a_later_source_added()
    {
        var store = await _stores.EmptyAsync();
        await store.ApplyAsync(Base(), Ct);
        // One batch: every source shares the batch's time, and src:a (dated) sorts before src:b (which created the edge).
        await store.ApplyAsync(Of(Edge(Relation.WorkedAt, Jerry, OpenAi, "src:b", end: "2026-01"), Edge(Relation.WorkedAt, Jerry, OpenAi, "src:a", "2019", role: "Researcher")), Ct);
        var edge = await StoredEdgeAsync(store, Relation.WorkedAt);
        var target = await _stores.EmptyAsync();
        await target.ApplyAsync(Base(), Ct);

        var claims = EdgeClaims.Of(edge);
        var batch = new GraphBatch();
        batch.Edges.AddRange(claims);
        await target.ApplyAsync(batch, Ct);

        Assert.Equal(("2019", "2026-01", "Researcher"), (edge.Start.ToString(), edge.End.ToString(), edge.Role));
        Assert.Equal(["src:a", "src:b"], edge.Sources.Select(s => s.SourceId));
        Assert.Equal(("src:b", (string?)null), (claims[0].Sources[0].SourceId, claims[0].Role));
        var rebuilt = await StoredEdgeAsync(target, Relation.WorkedAt);
        Assert.Equal((edge.Id, edge.Start, edge.End, edge.Role), (rebuilt.Id, rebuilt.Start, rebuilt.End, rebuilt.Role));
    }
}
