using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using static KnowledgeGraph.Storage.Tests.TestGraph;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>The embedded store's read cache: repeated reads skip the file, and every commit, from anywhere, is seen.</summary>
[Trait("Category", "Store")]
public sealed class SqliteReadCacheTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly Relation[] Affiliations = [Relation.WorkedAt, Relation.Joined, Relation.Left];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kg-cache-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SqliteGraphStore> _stores = [];

    public void Dispose()
    {
        _stores.ForEach(s => s.Dispose());
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Repeated_reads_are_answered_from_the_cache_with_the_same_values()
    {
        var store = await OpenAsync();
        await store.ApplyAsync(Base(), Ct);
        await store.ApplyAsync(Of(Edge(Relation.WorkedAt, Jerry, OpenAi, "src:a", "2019", role: "Researcher")), Ct);

        var nodes = await store.GetNodesAsync([Jerry, OpenAi, "person:nobody"], Ct);
        var edges = await store.GetEdgesFromAsync([Jerry], Affiliations, Ct);
        var refs = await store.GetSourceRefsAsync([edges[Jerry][0].Id], Ct);
        var generations = store.ReadCache!.Generations;
        var nodesAgain = await store.GetNodesAsync([Jerry, OpenAi, "person:nobody"], Ct);
        var edgesAgain = await store.GetEdgesFromAsync([Jerry], Affiliations, Ct);
        var refsAgain = await store.GetSourceRefsAsync([edges[Jerry][0].Id], Ct);

        Assert.Equal(generations, store.ReadCache.Generations);
        Assert.Equal(Describe(nodes), Describe(nodesAgain));
        Assert.False(nodesAgain.ContainsKey("person:nobody"));
        Assert.Equal(edges[Jerry], edgesAgain[Jerry]);
        Assert.Equal(refs[edges[Jerry][0].Id], refsAgain[edges[Jerry][0].Id]);
        Assert.Equal("Researcher", Assert.Single(edgesAgain[Jerry]).Role);
    }

    [Fact]
    public async Task A_write_through_the_same_store_is_seen_by_the_next_read()
    {
        var store = await OpenAsync();
        await store.ApplyAsync(Base(), Ct);
        await store.ApplyAsync(Of(Edge(Relation.WorkedAt, Jerry, OpenAi, "src:a", "2019")), Ct);
        var before = await store.GetEdgesFromAsync([Jerry], Affiliations, Ct);
        var edgeId = before[Jerry][0].Id;
        Assert.Single(await store.GetSourceRefsAsync([edgeId], Ct) is var r ? r[edgeId] : []);

        await store.ApplyAsync(Of(Edge(Relation.Left, Jerry, OpenAi, "src:b", "2025-01")), Ct);
        await store.ApplyAsync(Of(Edge(Relation.WorkedAt, Jerry, OpenAi, "src:b", "2019")), Ct);

        var after = await store.GetEdgesFromAsync([Jerry], Affiliations, Ct);
        Assert.Equal([Relation.Left, Relation.WorkedAt], after[Jerry].Select(e => e.Relation).OrderBy(r => r.ToWire(), StringComparer.Ordinal));
        Assert.Equal(["src:a", "src:b"], (await store.GetSourceRefsAsync([edgeId], Ct))[edgeId].Select(s => s.SourceId).Order());
    }

    [Fact]
    public async Task A_write_by_another_connection_to_the_file_is_seen_by_the_next_read()
    {
        var path = Path.Combine(_folder, "shared.db");
        var reader = await OpenAsync(path);
        var writer = await OpenAsync(path, readCacheItems: 0);
        await writer.ApplyAsync(Base(), Ct);
        Assert.Empty((await reader.GetEdgesToAsync([Codex], null, Ct))[Codex]);
        Assert.DoesNotContain("Jerry T.", (await reader.GetNodesAsync([Jerry], Ct))[Jerry].Aliases);

        await writer.ApplyAsync(Of(Edge(Relation.WorkedOn, Jerry, Codex, "src:a", "2021")), Ct);
        var batch = new GraphBatch();
        batch.Nodes.Add(Person(Jerry, "Jerry Tworek", "Jerry T."));
        await writer.ApplyAsync(batch, Ct);

        Assert.Equal(Jerry, Assert.Single((await reader.GetEdgesToAsync([Codex], null, Ct))[Codex]).From);
        Assert.Contains("Jerry T.", (await reader.GetNodesAsync([Jerry], Ct))[Jerry].Aliases);
    }

    [Fact]
    public async Task A_full_cache_starts_afresh_and_answers_stay_right()
    {
        var store = await OpenAsync(readCacheItems: 2);
        await store.ApplyAsync(Base(), Ct);
        var first = await store.GetNodesAsync([Jerry, Lukasz, OpenAi, Codex], Ct);
        var generations = store.ReadCache!.Generations;

        var again = await store.GetNodesAsync([Jerry, Lukasz, OpenAi, Codex], Ct);

        Assert.True(store.ReadCache.Generations > generations);
        Assert.Equal(Describe(first), Describe(again));
    }

    [Fact]
    public async Task Entries_still_in_use_survive_a_full_generation()
    {
        var store = await OpenAsync(readCacheItems: 3);
        await store.ApplyAsync(Base(), Ct);
        await store.GetNodesAsync([Jerry, Lukasz, OpenAi], Ct);
        var generations = store.ReadCache!.Generations;

        // The full generation is followed by one that moves Jerry over on a hit and takes Codex; not full yet.
        var jerry = await store.GetNodesAsync([Jerry], Ct);
        await store.GetNodesAsync([Codex], Ct);
        var jerryAgain = await store.GetNodesAsync([Jerry], Ct);

        Assert.Equal(generations + 1, store.ReadCache.Generations);
        Assert.Equal(Describe(jerry), Describe(jerryAgain));
    }

    [Fact]
    public async Task No_cache_when_it_is_switched_off()
    {
        var store = await OpenAsync(readCacheItems: 0);
        await store.ApplyAsync(Base(), Ct);

        Assert.Null(store.ReadCache);
        Assert.Equal(2, (await store.GetNodesAsync([Jerry, Lukasz], Ct)).Count);
    }

    private static string Describe(IReadOnlyDictionary<string, GraphNode> nodes) =>
        string.Join("\n", nodes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value with { Aliases = [] }} [{string.Join(", ", p.Value.Aliases)}]"));

    private async Task<SqliteGraphStore> OpenAsync(string? path = null, int readCacheItems = 1_000)
    {
        var store = new SqliteGraphStore(Options.Create(new SqliteStoreOptions
        {
            DatabasePath = path ?? Path.Combine(_folder, $"graph-{_stores.Count}.db"),
            CacheSizeKiB = 2048,
            ReadCacheItems = readCacheItems,
        }));
        _stores.Add(store);
        await store.InitializeAsync(Ct);
        return store;
    }
}
