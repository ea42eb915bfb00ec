using KnowledgeGraph.Core.Graph;
using static KnowledgeGraph.Storage.Tests.TestGraph;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>The store contract, continued: reads by many ids, provenance, meta, stats, and hostile input.</summary>
public abstract partial class GraphStoreContract
{
    // ---- edges: reads ------------------------------------------------------------------------------------

    private async Task<IGraphStore> StoreWithCareerAsync()
    {
        var store = await StoreWithBaseAsync();
        await store.ApplyAsync(Of(
            Edge(Relation.WorkedAt, Jerry, OpenAi, "src:a", "2019", role: "Research Scientist"),
            Edge(Relation.WorkedOn, Jerry, Codex, "src:a", "2021"),
            Edge(Relation.WorkedOn, Jerry, Gpt4, "src:b"),
            Edge(Relation.Left, Jerry, OpenAi, "src:b", "2026-01"),
            Edge(Relation.WorkedOn, Lukasz, Gpt4, "src:c"),
            Edge(Relation.DevelopedBy, Gpt4, OpenAi, "src:c")), Ct);
        return store;
    }

    [StoreFact]
    public async Task Edges_from_a_node_can_be_filtered_by_relation()
    {
        var store = await StoreWithCareerAsync();

        var all = await store.GetEdgesFromAsync([Jerry], null, Ct);
        var built = await store.GetEdgesFromAsync([Jerry], [Relation.WorkedOn], Ct);
        var tenure = await store.GetEdgesFromAsync([Jerry], [Relation.WorkedAt, Relation.Left], Ct);

        Assert.Equal(4, all[Jerry].Count);
        Assert.All(all[Jerry], e => Assert.Equal(Jerry, e.From));
        Assert.Equal([Codex, Gpt4], built[Jerry].Select(e => e.To).Order(StringComparer.Ordinal));
        Assert.Equal([Relation.WorkedAt, Relation.Left], tenure[Jerry].Select(e => e.Relation).Order());
        Assert.Empty((await store.GetEdgesFromAsync([Jerry], [Relation.Founded], Ct))[Jerry]);
    }

    [StoreFact]
    public async Task Edges_to_a_node_can_be_filtered_by_relation()
    {
        var store = await StoreWithCareerAsync();

        var all = await store.GetEdgesToAsync([Gpt4, OpenAi], null, Ct);
        var builders = await store.GetEdgesToAsync([Gpt4], [Relation.WorkedOn, Relation.Led], Ct);
        var departures = await store.GetEdgesToAsync([OpenAi], [Relation.Left], Ct);

        Assert.Equal(2, all[Gpt4].Count);
        Assert.Equal(3, all[OpenAi].Count);
        Assert.Equal([Jerry, Lukasz], builders[Gpt4].Select(e => e.From).Order(StringComparer.Ordinal));
        var left = Assert.Single(departures[OpenAi]);
        Assert.Equal((Relation.Left, Jerry, D("2026-01")), (left.Relation, left.From, left.Start!.Value));
        Assert.Null(left.End);
    }

    [StoreFact]
    public async Task Every_asked_id_has_an_entry_even_unknown_or_repeated_ones()
    {
        var store = await StoreWithCareerAsync();

        var from = await store.GetEdgesFromAsync([Jerry, "person:nobody", Jerry, OpenAi], [Relation.WorkedOn], Ct);
        var to = await store.GetEdgesToAsync(["model:nothing", Codex], null, Ct);

        Assert.Equal([OpenAi, Jerry, "person:nobody"], from.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, from[Jerry].Count);
        Assert.Empty(from["person:nobody"]);
        Assert.Empty(from[OpenAi]);
        Assert.Empty(to["model:nothing"]);
        Assert.Single(to[Codex]);
        Assert.Empty(await store.GetEdgesFromAsync([], null, Ct));
        Assert.Empty(await store.GetEdgesToAsync([], [Relation.Left], Ct));
    }

    [StoreFact]
    public async Task Many_ids_at_once_get_an_entry_each()
    {
        var store = await CreateStoreAsync();
        var batch = new GraphBatch { Sources = { Src("src:a") }, Nodes = { Org(OpenAi, "OpenAI"), Model(Codex, "Codex") } };
        var people = Enumerable.Range(0, 2_000).Select(i => $"person:p{i:D4}").ToList();
        foreach (var id in people)
        {
            batch.Nodes.Add(Person(id, $"Person {id[7..]}"));
            batch.Edges.Add(Edge(Relation.WorkedAt, id, OpenAi, "src:a", "2020"));
            batch.Edges.Add(Edge(Relation.WorkedOn, id, Codex, "src:a"));
        }

        var result = await store.ApplyAsync(batch, Ct);
        var asked = people.Concat(Enumerable.Range(0, 500).Select(i => $"person:unknown{i}")).ToList();
        var from = await store.GetEdgesFromAsync(asked, [Relation.WorkedAt], Ct);
        var to = await store.GetEdgesToAsync([OpenAi], [Relation.WorkedAt], Ct);
        var nodes = await store.GetNodesAsync(asked, Ct);

        Assert.Equal(4_000, result.NewEdges);
        Assert.Equal(2_500, from.Count);
        Assert.All(people, id => Assert.Equal(OpenAi, Assert.Single(from[id]).To));
        Assert.Equal(2_000, to[OpenAi].Count);
        Assert.Equal(2_000, nodes.Count);
        var edgeIds = to[OpenAi].Select(e => e.Id).ToList();
        Assert.Equal(2_000, (await store.GetEdgesAsync(edgeIds, Ct)).Count);
        Assert.All((await store.GetSourceRefsAsync(edgeIds, Ct)).Values, refs => Assert.Single(refs));
    }

    [StoreFact]
    public async Task Edges_are_found_by_id_and_unknown_ids_are_left_out()
    {
        var store = await StoreWithCareerAsync();
        var left = await SingleEdgeAsync(store, Jerry, Relation.Left);

        var edges = await store.GetEdgesAsync([left.Id, "edge:nothing"], Ct);

        var read = Assert.Single(edges).Value;
        Assert.Equal((left.Id, Relation.Left, Jerry, OpenAi, D("2026-01")), (read.Id, read.Relation, read.From, read.To, read.Start!.Value));
        Assert.Empty(await store.GetEdgesAsync([], Ct));
    }

    [StoreFact]
    public async Task Source_refs_keep_quote_offsets_note_and_claimed_dates()
    {
        var store = await StoreWithBaseAsync();
        var claim = new EdgeInput(Relation.WorkedAt, Jerry, OpenAi,
        [
            new SourceRef("src:a") { Quote = "Tworek joined OpenAI in 2019 and stayed until 2026", QuoteStart = 120, QuoteEnd = 171, Confidence = 0.75 },
            new SourceRef("src:b") { Note = "Our summary: researcher from 2019 to January 2026.", Confidence = 0.6 },
        ])
        {
            Start = D("2019"),
            End = D("2026-01"),
            Role = "Researcher",
        };

        await store.ApplyAsync(Of(claim), Ct);
        var edge = await SingleEdgeAsync(store, Jerry, Relation.WorkedAt);
        var refs = await store.GetSourceRefsAsync([edge.Id, "edge:nothing"], Ct);

        Assert.Empty(refs["edge:nothing"]);
        var quoted = Assert.Single(refs[edge.Id], r => r.SourceId == "src:a");
        Assert.Equal("Tworek joined OpenAI in 2019 and stayed until 2026", quoted.Quote);
        Assert.Equal((120, 171), (quoted.QuoteStart!.Value, quoted.QuoteEnd!.Value));
        Assert.Null(quoted.Note);
        Assert.Equal((D("2019"), D("2026-01")), (quoted.ClaimedStart!.Value, quoted.ClaimedEnd!.Value));
        Assert.Equal(0.75, quoted.Confidence, 6);
        var noted = Assert.Single(refs[edge.Id], r => r.SourceId == "src:b");
        Assert.Equal("Our summary: researcher from 2019 to January 2026.", noted.Note);
        Assert.Null(noted.Quote);
        Assert.Null(noted.QuoteStart);
        Assert.Equal(D("2019"), noted.ClaimedStart);
        Assert.Equal(D("2026-01"), edge.End);
        Assert.Equal("Researcher", edge.Role);
    }

    [StoreFact]
    public async Task Two_quotes_from_one_source_are_two_pieces_of_provenance()
    {
        var store = await StoreWithBaseAsync();

        await store.ApplyAsync(Of(
            Edge(Relation.WorkedOn, Jerry, Codex, "src:a") with { Sources = [new SourceRef("src:a") { Quote = "He led Codex." }] },
            Edge(Relation.WorkedOn, Jerry, Codex, "src:a") with { Sources = [new SourceRef("src:a") { Quote = "Tworek built Codex." }] }), Ct);
        var edge = await SingleEdgeAsync(store, Jerry, Relation.WorkedOn);

        var refs = (await store.GetSourceRefsAsync([edge.Id], Ct))[edge.Id];
        Assert.Equal(["He led Codex.", "Tworek built Codex."], refs.Select(r => r.Quote).Order(StringComparer.Ordinal));
    }

    [StoreFact]
    public async Task A_cancelled_batch_writes_nothing()
    {
        var store = await StoreWithBaseAsync();
        var stats = await store.GetStatsAsync(Ct);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            store.ApplyAsync(new GraphBatch { Nodes = { Person("person:new", "New") }, Edges = { Edge(Relation.WorkedOn, Jerry, Codex, "src:a") } }, cancelled.Token));

        Assert.Equal(stats, await store.GetStatsAsync(Ct));
    }

    // ---- meta, stats, hostile input ----------------------------------------------------------------------

    [StoreFact]
    public async Task Meta_values_are_kept_and_overwritten()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetMetaAsync("seed.imported", Ct));
        await store.SetMetaAsync("seed.imported", "2026-02-01T10:00:00Z", Ct);
        Assert.Equal("2026-02-01T10:00:00Z", await store.GetMetaAsync("seed.imported", Ct));
        await store.SetMetaAsync("seed.imported", "yes — ünïcode ✓", Ct);
        Assert.Equal("yes — ünïcode ✓", await store.GetMetaAsync("seed.imported", Ct));
        await store.SetMetaAsync("other", "", Ct);
        Assert.Equal("", await store.GetMetaAsync("other", Ct));
        Assert.Null(await store.GetMetaAsync("SEED.IMPORTED", Ct));
        Assert.Equal(new GraphStats(0, 0, 0, 0), await store.GetStatsAsync(Ct));
    }

    [StoreFact]
    public async Task Stats_count_nodes_edges_sources_and_provenance()
    {
        var store = await StoreWithCareerAsync();

        await store.ApplyAsync(Of(Edge(Relation.WorkedOn, Jerry, Codex, "src:c", "2021")), Ct);

        Assert.Equal(new GraphStats(6, 6, 3, 7), await store.GetStatsAsync(Ct));
    }

    [StoreFact]
    public async Task Breakdown_counts_every_kind_and_relation_and_the_conflicted_edges()
    {
        var store = await StoreWithCareerAsync();
        var before = await store.GetStatsAsync(Ct);
        var breakdown = await store.GetBreakdownAsync(Ct);

        Assert.Equal(Enum.GetValues<NodeKind>().Length, breakdown.NodesByKind.Count);
        Assert.Equal(Relations.All.Count, breakdown.EdgesByRelation.Count);
        Assert.Equal(before.Nodes, breakdown.NodesByKind.Values.Sum());
        Assert.Equal(before.Edges, breakdown.EdgesByRelation.Values.Sum());
        Assert.Equal(0, breakdown.EdgesByRelation[Relation.PartOf]);
        Assert.Equal((await store.GetConflictedEdgesAsync(1000, 0, Ct)).Count, breakdown.ConflictedEdges);
    }

    private const string Injection = "Robert'); DROP TABLE nodes; --";

    [StoreFact]
    public async Task Sql_in_names_titles_quotes_and_keys_is_just_data()
    {
        var store = await CreateStoreAsync();
        var batch = new GraphBatch
        {
            Sources = { new Source("src:evil", Injection, "https://example.org/?q=1'%20OR%20'1'='1", null, DateTimeOffset.UnixEpoch) },
            Nodes = { Person("person:bobby", Injection, "\" OR 1=1 --", "x' UNION SELECT * FROM meta --"), Org(OpenAi, "OpenAI") },
            Edges =
            {
                new EdgeInput(Relation.WorkedAt, "person:bobby", OpenAi, [new SourceRef("src:evil") { Quote = "'; DELETE FROM edges; --", Note = Injection }])
                {
                    Role = "'); DROP TABLE edges; --",
                },
            },
        };

        await store.ApplyAsync(batch, Ct);
        await store.SetMetaAsync(Injection, Injection, Ct);

        Assert.Equal("person:bobby", Assert.Single(await store.FindByNameAsync(Injection, null, Ct)).Id);
        Assert.Equal("person:bobby", Assert.Single(await store.FindByNameAsync("\" or 1=1 --", NodeKind.Person, Ct)).Id);
        Assert.Equal("person:bobby", Assert.Single(await store.SearchAsync(Injection, 10, Ct)).Id);
        Assert.Empty(await store.FindByNameAsync("' OR '1'='1", null, Ct));
        Assert.Empty(await store.GetNodesAsync(["person:x' OR '1'='1", "') OR 1=1 --"], Ct));
        Assert.Empty((await store.GetEdgesFromAsync(["person:bobby' OR '1'='1"], null, Ct))["person:bobby' OR '1'='1"]);
        Assert.Equal(Injection, await store.GetMetaAsync(Injection, Ct));
        Assert.Null(await store.GetMetaAsync("' OR '1'='1", Ct));
        Assert.Equal(Injection, (await store.GetSourcesAsync(["src:evil"], Ct))["src:evil"].Title);
        var edge = await SingleEdgeAsync(store, "person:bobby", Relation.WorkedAt);
        Assert.Equal("'); DROP TABLE edges; --", edge.Role);
        var sourceRef = Assert.Single((await store.GetSourceRefsAsync([edge.Id], Ct))[edge.Id]);
        Assert.Equal(("'; DELETE FROM edges; --", Injection), (sourceRef.Quote, sourceRef.Note));
        Assert.Equal(new GraphStats(2, 1, 1, 1), await store.GetStatsAsync(Ct));
    }
}
