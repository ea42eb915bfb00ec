using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Export;
using KnowledgeGraph.Storage.Neo4j;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage.Tests.Neo4j;

/// <summary>The Neo4j store's paged whole-graph reads on a scripted server: keyset parameters, one statement a page, rows mapped back.</summary>
[Trait("Category", "Store")]
public sealed class Neo4jExportProtocolTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly string[] NodeFields = ["id", "kind", "name", "names", "orgKind", "parentId", "year", "venue"];
    private static readonly string[] EdgeFields = ["id", "relation", "fromId", "toId", "role", "start", "finish", "confidence", "recordedAt", "refs"];
    private readonly ScriptedNeo4jServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Neo4jGraphStore Store() => new(_server.Client(), Options.Create(_server.Options()));

    private static object?[] NodeRow(string id, string name) => [id, "Person", name, new[] { name, name + " alias" }, null, null, null, null];

    [Fact]
    public async Task Node_pages_continue_after_the_last_id_of_the_page_before()
    {
        _server
            .Then(Answers.Data(NodeFields, NodeRow("person:a", "Ada"), NodeRow("person:b", "Ben")))
            .Then(Answers.Data(NodeFields, NodeRow("person:c", "Chen")));

        var ids = new List<string>();
        await foreach (var page in GraphPages.NodesAsync(Store(), 2, string.Empty, Ct))
        {
            ids.AddRange(page.Select(n => n.Id));
        }

        var requests = _server.Requests.ToList();
        Assert.Equal(["person:a", "person:b", "person:c"], ids);
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Contains("WHERE n.id > $after WITH n ORDER BY n.id LIMIT $limit", r.Statement, StringComparison.Ordinal));
        Assert.Equal(string.Empty, requests[0].Parameters.GetProperty("after").GetString());
        Assert.Equal("person:b", requests[1].Parameters.GetProperty("after").GetString());
        Assert.Equal(2, requests[1].Parameters.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task An_edge_page_is_one_statement_over_every_type_and_brings_its_provenance_in_recorded_order()
    {
        var later = new Dictionary<string, object?> { ["sourceId"] = "src:b", ["claimedStart"] = "2026-01-06", ["claimedEnd"] = "", ["quote"] = "", ["note"] = "Says the 6th.", ["quoteStart"] = null, ["quoteEnd"] = null, ["confidence"] = 0.8, ["recordedAt"] = "2026-02-01T10:00:00.0000000+00:00" };
        var earlier = new Dictionary<string, object?> { ["sourceId"] = "src:a", ["claimedStart"] = "2026-01-05", ["claimedEnd"] = "", ["quote"] = "He left on the 5th.", ["note"] = "", ["quoteStart"] = 10, ["quoteEnd"] = 29, ["confidence"] = 0.9, ["recordedAt"] = "2026-01-01T10:00:00.0000000+00:00" };
        _server.Then(Answers.Data(EdgeFields, ["edge:0a", "LEFT", "person:jerry-tworek", "org:openai", null, "2026-01", null, 0.9, "2026-01-01T10:00:00.0000000+00:00", new[] { later, earlier }]));

        var edges = await Store().ReadEdgesAsync("edge:00", 500, Ct);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("edge:00", request.Parameters.GetProperty("after").GetString());
        Assert.Equal(500, request.Parameters.GetProperty("limit").GetInt32());
        foreach (var relation in Relations.All)
        {
            Assert.Contains($"[r:{relation.ToWire()}]->(b:Node) WHERE r.id > $after WITH a, r, b ORDER BY r.id LIMIT $limit", request.Statement, StringComparison.Ordinal);
        }

        var edge = Assert.Single(edges);
        Assert.Equal(("edge:0a", Relation.Left, "2026-01"), (edge.Id, edge.Relation, edge.Start.ToString()));
        Assert.Equal(["src:a", "src:b"], edge.Sources.Select(s => s.SourceId));
        Assert.Equal(("He left on the 5th.", 10, 29, "2026-01-05"), (edge.Sources[0].Quote, edge.Sources[0].QuoteStart, edge.Sources[0].QuoteEnd, edge.Sources[0].ClaimedStart.ToString()));
        Assert.Equal(("Says the 6th.", (string?)null, 0.8), (edge.Sources[1].Note, edge.Sources[1].Quote, edge.Sources[1].Confidence));
    }

    [Fact]
    public async Task A_source_page_maps_every_field()
    {
        _server.Then(Answers.Data(["id", "title", "url", "publishedOn", "contentHash", "ingestedAt"], ["src:a", "An article", "https://example.org/a", "2026-01-07", "abc", "2026-01-08T00:00:00.0000000+00:00"]));

        var source = Assert.Single(await Store().ReadSourcesAsync(string.Empty, 10, Ct));

        Assert.Equal(("src:a", "An article", "https://example.org/a", "2026-01-07", "abc"), (source.Id, source.Title, source.Url, source.PublishedOn.ToString(), source.ContentHash));
        Assert.Contains("WHERE s.id > $after", Assert.Single(_server.Requests).Statement, StringComparison.Ordinal);
    }
}
