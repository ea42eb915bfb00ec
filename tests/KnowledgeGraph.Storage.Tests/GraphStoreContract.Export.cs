using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Export;
using static KnowledgeGraph.Storage.Tests.TestGraph;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>The paged whole-graph reads (<see cref="IGraphExporter"/>) every adapter offers.</summary>
public abstract partial class GraphStoreContract
{
    private async Task<(IGraphStore Store, IGraphExporter Exporter)> ExportableStoreAsync()
    {
        var store = await StoreWithBaseAsync();
        await store.ApplyAsync(Of(
            Edge(Relation.WorkedOn, Jerry, Codex, "src:a"),
            Edge(Relation.WorkedOn, Jerry, Gpt4, "src:a"),
            Edge(Relation.WorkedOn, Lukasz, Gpt4, "src:b"),
            Edge(Relation.Left, Jerry, OpenAi, "src:a", start: "2026-01-05"),
            Edge(Relation.Left, Jerry, OpenAi, "src:b", start: "2026-01-06")), Ct);
        return (store, Assert.IsAssignableFrom<IGraphExporter>(store));
    }

    [StoreFact]
    public async Task Paged_reads_return_every_node_and_source_once_in_id_order()
    {
        var (_, exporter) = await ExportableStoreAsync();

        var nodes = new List<string>();
        await foreach (var page in GraphPages.NodesAsync(exporter, 4, string.Empty, Ct))
        {
            Assert.InRange(page.Count, 1, 4);
            nodes.AddRange(page.Select(n => n.Id));
        }

        var sources = new List<string>();
        await foreach (var page in GraphPages.SourcesAsync(exporter, 2, string.Empty, Ct))
        {
            sources.AddRange(page.Select(s => s.Id));
        }

        Assert.Equal([Codex, Gpt4, Gpt4o, OpenAi, Jerry, Lukasz], nodes);
        Assert.Equal(["src:a", "src:b", "src:c"], sources);
        Assert.Empty(await exporter.ReadNodesAsync(Lukasz, 10, Ct));
        var openAi = Assert.Single(await exporter.ReadNodesAsync(Gpt4o, 1, Ct));
        Assert.Equal((OpenAi, "OpenAI", OrganizationKind.Lab), (openAi.Id, openAi.Name, openAi.OrganizationKind));
        Assert.Equal(["Open AI"], openAi.Aliases);
    }

    [StoreFact]
    public async Task Paged_edges_carry_their_provenance_with_each_sources_own_dates()
    {
        var (store, exporter) = await ExportableStoreAsync();

        var edges = new List<GraphEdge>();
        await foreach (var page in GraphPages.EdgesAsync(exporter, 3, string.Empty, Ct))
        {
            edges.AddRange(page);
        }

        Assert.Equal(4, edges.Count);
        Assert.Equal(edges.Select(e => e.Id).Order(StringComparer.Ordinal), edges.Select(e => e.Id));
        var left = Assert.Single(edges, e => e.Relation == Relation.Left);
        Assert.Equal(D("2026-01"), left.Start);
        Assert.Equal(["src:a", "src:b"], left.Sources.Select(s => s.SourceId));
        Assert.Equal([D("2026-01-05"), D("2026-01-06")], left.Sources.Select(s => s.ClaimedStart!.Value));
        Assert.Equal("src:a says so", left.Sources[0].Quote);
        var stored = (await store.GetSourceRefsAsync([left.Id], Ct))[left.Id];
        Assert.Equal(stored, left.Sources);
    }
}
