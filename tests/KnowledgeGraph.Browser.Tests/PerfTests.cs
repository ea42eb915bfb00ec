using System.Globalization;
using System.Text.Json;

namespace KnowledgeGraph.Browser.Tests;

/// <summary>
/// How long a 2,000-node neighbourhood takes to become interactive, drawn through the same path as a search
/// result. It asserts only that the graph is drawn and usable; the time goes to artifacts/perf.txt.
/// </summary>
[Trait("Category", "Perf")]
public sealed class PerfTests(ExplorerHost host) : IClassFixture<ExplorerHost>
{
    private const int Nodes = 2_000;

    [Fact]
    public async Task A_2000_node_neighbourhood_becomes_interactive()
    {
        var explorer = await host.OpenAsync();
        await explorer.IdleAsync();
        var subgraph = Synthetic(Nodes, seed: 7);
        var json = JsonSerializer.Serialize(subgraph, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        var timings = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            // From the call to the first frame drawn after it, once the page accepts input again.
            var ms = await explorer.Page.EvaluateAsync<double>("""
                async json => {
                  const subgraph = JSON.parse(json);
                  const t0 = performance.now();
                  await window.__explorer.render(subgraph, subgraph.nodes[0].id);
                  await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
                  return performance.now() - t0;
                }
                """, json);
            timings.Add(ms);
        }

        Assert.Equal(Nodes, await explorer.NodeCountAsync());
        var onScreen = await explorer.Page.EvaluateAsync<int>("""
            () => {
              const cy = window.__explorer.cy;
              const w = cy.width(), h = cy.height();
              return cy.nodes().filter(n => { const p = n.renderedPosition(); return p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h; }).length;
            }
            """);
        Assert.Equal(Nodes, onScreen);

        // Interactive: a wheel zoom is answered at once.
        var zoomBefore = await explorer.Page.EvaluateAsync<double>("() => window.__explorer.cy.zoom()");
        var box = (await explorer.Page.Locator("#graph").BoundingBoxAsync())!;
        await explorer.Page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await explorer.Page.Mouse.WheelAsync(0, -400);
        await explorer.Page.WaitForFunctionAsync("z => window.__explorer.cy.zoom() > z", zoomBefore);
        await explorer.ScreenshotAsync("09-perf-2000-nodes");

        var first = timings[0];
        var median = timings.Order().ElementAt(timings.Count / 2);
        var report = string.Create(CultureInfo.InvariantCulture,
            $"2,000-node neighbourhood ({subgraph.Edges.Count} edges), headless Chromium, time to interactive: first {first:F0} ms, median of {timings.Count} {median:F0} ms (runs: {string.Join(", ", timings.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms){Environment.NewLine}");
        await File.WriteAllTextAsync(Path.Combine(ExplorerHost.ArtifactsPath, "perf.txt"), report);
        Assert.Empty(explorer.Errors);
    }

    private sealed record SyntheticNode(string Id, string Name, string __typename);

    private sealed record SyntheticEdge(string Id, string From, string To, string Relation, string? Start, string? End, bool ActiveAsOf, string? Role);

    private sealed record Subgraph(IReadOnlyList<SyntheticNode> Nodes, IReadOnlyList<SyntheticEdge> Edges);

    /// <summary>A person, the organizations, models and papers around them, and the people around those.</summary>
    private static Subgraph Synthetic(int count, int seed)
    {
        var random = new Random(seed);
        string[] types = ["Organization", "Model", "Paper", "Person"];
        var nodes = new List<SyntheticNode> { new("person:root", "Root Person", "Person") };
        var edges = new List<SyntheticEdge>();
        var firstRing = count / 20;
        for (var i = 1; i < count; i++)
        {
            var type = i <= firstRing ? types[i % 3] : "Person";
            var id = $"{type.ToLowerInvariant()}:n{i}";
            nodes.Add(new SyntheticNode(id, $"{type} {i}", type));
            var from = i <= firstRing ? "person:root" : id;
            var to = i <= firstRing ? id : nodes[1 + random.Next(firstRing)].Id;
            var start = 2010 + random.Next(16);
            edges.Add(new SyntheticEdge($"edge:{i}", from, to, i <= firstRing ? "WORKED_ON" : "WORKED_AT",
                start.ToString(CultureInfo.InvariantCulture), random.Next(3) == 0 ? (start + 3).ToString(CultureInfo.InvariantCulture) : null, random.Next(4) != 0, null));
            if (i > firstRing && random.Next(4) == 0)
            {
                edges.Add(new SyntheticEdge($"edge:{i}b", id, nodes[1 + random.Next(firstRing)].Id, "AUTHORED", null, null, true, null));
            }
        }

        return new Subgraph(nodes, edges);
    }
}
