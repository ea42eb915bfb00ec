using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Ingestion.Imports;

namespace KnowledgeGraph.Storage.Tests.Imports;

/// <summary>Feed jobs: an http(s) JSONL or CSV feed downloaded within limits and imported as its format.</summary>
[Trait("Category", "Store")]
public sealed class FeedImportTests : IAsyncLifetime
{
    private const string People = "person,organization,title,start,end,source\nAda Quillfeather,Example Lab,Researcher,2019,,https://example.org/ada\nBram Oakheart,Example Lab,Engineer,2020,2022,https://example.org/bram\n";

    private const string Documents = """
        {"text": "Ada Quillfeather joined Anthropic in 2021 as a research scientist.", "url": "https://example.org/docs/ada", "title": "Ada"}
        {"text": "Bram Oakheart joined Mistral AI in 2024.", "url": "https://example.org/docs/bram", "title": "Bram"}
        """;

    private readonly FeedServer _server = new();
    private readonly ImportHarness _harness = new(settings: new Dictionary<string, string?> { ["Imports:MaxFeedBytes"] = "4096" });

    public async Task InitializeAsync() => await _harness.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task A_csv_feed_is_imported_as_affiliations_and_a_second_run_changes_nothing()
    {
        _server.Serve("people", "text/csv; charset=utf-8", People);

        var first = await _harness.ImportFeedAsync(_server.Url("people"));
        var stats = await _harness.StatsAsync();
        var second = await _harness.ImportFeedAsync(_server.Url("people"));

        Assert.Empty(first.Failures);
        Assert.Equal((3, 2), (first.Counts.NewNodes, first.Counts.NewEdges));
        Assert.Equal((0, 0, 0), (second.Counts.NewNodes, second.Counts.NewEdges, second.Counts.Failures));
        Assert.Equal(stats, await _harness.StatsAsync());
        Assert.Equal(2, _server.RequestsTo("people"));
    }

    [Fact]
    public async Task A_jsonl_feed_of_documents_skips_unchanged_documents_on_the_next_run()
    {
        _server.Serve("feed.jsonl", null, Documents);

        var first = await _harness.ImportFeedAsync(_server.Url("feed.jsonl"));
        var stats = await _harness.StatsAsync();
        _server.Serve("feed.jsonl", null, Documents + "\n" + """{"text": "Cora Lindqvist joined Google DeepMind in 2022.", "url": "https://example.org/docs/cora", "title": "Cora"}""" + "\n");
        var second = await _harness.ImportFeedAsync(_server.Url("feed.jsonl"));

        Assert.Empty(first.Failures);
        Assert.Equal(2, first.Counts.Documents);
        Assert.Equal(2, stats.Sources);
        Assert.Empty(second.Failures);
        Assert.Equal(3, second.Counts.Documents);
        // The two unchanged documents are skipped by content hash: only Cora's claims are new.
        Assert.Equal(stats.Sources + 1, (await _harness.StatsAsync()).Sources);
        var cora = Assert.Single(await _harness.Store.FindByNameAsync("Cora Lindqvist", NodeKind.Person, CancellationToken.None));
        Assert.Equal(second.Counts.Claims, (await _harness.Store.GetEdgesFromAsync([cora.Id], null, CancellationToken.None))[cora.Id].Count);
    }

    [Fact]
    public async Task A_feed_without_a_telling_type_or_extension_is_recognised_by_its_content()
    {
        _server.Serve("records", "application/octet-stream", """
            {"record": "node", "kind": "Organization", "id": "org:example-lab", "name": "Example Lab"}
            """);
        _server.Serve("people", "application/octet-stream", People);

        var records = await _harness.ImportFeedAsync(_server.Url("records"));
        var people = await _harness.ImportFeedAsync(_server.Url("people"));

        Assert.Empty(records.Failures);
        Assert.Empty(people.Failures);
        Assert.Equal(1, records.Counts.NewNodes);
        Assert.Equal(2, people.Counts.NewNodes);
    }

    [Fact]
    public async Task Problems_in_a_feed_name_the_url_and_line()
    {
        _server.Serve("people.csv", "text/csv", "person,organization,title,start,end,source\nAda,Example Lab,,2019-13,,x\n");
        var url = _server.Url("people.csv");

        var job = await _harness.ImportFeedAsync(url);

        Assert.StartsWith($"{url}:2: start: ", Assert.Single(job.Failures).Reason, StringComparison.Ordinal);
        Assert.Equal(new GraphStats(0, 0, 0, 0), await _harness.StatsAsync());
    }

    [Fact]
    public async Task A_feed_over_the_size_limit_and_a_missing_feed_fail_with_their_reason()
    {
        var rows = string.Concat(Enumerable.Repeat("Ada,Example Lab,,2019,,x\n", 400));
        _server.Serve("big.csv", "text/csv", "person,organization,title,start,end,source\n" + rows);

        var big = await Assert.ThrowsAsync<FeedException>(() => _harness.ImportFeedAsync(_server.Url("big.csv")));
        var missing = await Assert.ThrowsAsync<FeedException>(() => _harness.ImportFeedAsync(_server.Url("nothing.csv")));

        Assert.Contains("the limit is 4,096", big.Message, StringComparison.Ordinal);
        Assert.Contains("answered 404", missing.Message, StringComparison.Ordinal);
        Assert.Equal(new GraphStats(0, 0, 0, 0), await _harness.StatsAsync());
    }

    [Fact]
    public async Task A_feed_slower_than_the_timeout_fails_naming_the_setting()
    {
        await using var harness = await new ImportHarness(settings: new Dictionary<string, string?> { ["Imports:FeedTimeoutSeconds"] = "1" }).InitializeAsync();
        _server.Serve("slow.csv", "text/csv", People, delay: TimeSpan.FromSeconds(5));

        var slow = await Assert.ThrowsAsync<FeedException>(() => harness.ImportFeedAsync(_server.Url("slow.csv")));

        Assert.Contains("no complete answer within 1 s (Imports:FeedTimeoutSeconds)", slow.Message, StringComparison.Ordinal);
    }
}
