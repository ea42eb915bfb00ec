using KnowledgeGraph.Core.Graph;
using static KnowledgeGraph.Storage.Tests.TestGraph;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>The store contract, continued: edges merged by fact, provenance and conflicts, and batches refused whole.</summary>
public abstract partial class GraphStoreContract
{
    // ---- edges: merging by fact --------------------------------------------------------------------------

    [StoreFact]
    public async Task The_same_fact_from_two_sources_is_one_edge_with_two_sources()
    {
        var store = await StoreWithBaseAsync();

        var first = await store.ApplyAsync(Of(Edge(Relation.WorkedOn, Jerry, Codex, "src:a", "2021", role: "Research lead")), Ct);
        var second = await store.ApplyAsync(Of(Edge(Relation.WorkedOn, Jerry, Codex, "src:b", "2021", role: "research lead")), Ct);
        var edge = await WithSourcesAsync(store, await SingleEdgeAsync(store, Jerry, Relation.WorkedOn));

        Assert.Equal(new WriteResult(0, 0, 0, 1, 1, 0), first);
        Assert.Equal(new WriteResult(0, 0, 0, 0, 1, 0), second);
        Assert.Equal(["src:a", "src:b"], edge.Sources.Select(s => s.SourceId).Order(StringComparer.Ordinal));
        Assert.Equal(D("2021"), edge.Start);
        Assert.Equal(Codex, edge.To);
        Assert.Equal(new GraphStats(6, 1, 3, 2), await store.GetStatsAsync(Ct));
    }

    [StoreFact]
    public async Task The_same_fact_from_two_sources_in_one_batch_is_one_edge()
    {
        var store = await StoreWithBaseAsync();

        var result = await store.ApplyAsync(Of(Edge(Relation.WorkedOn, Jerry, Codex, "src:a"), Edge(Relation.WorkedOn, Jerry, Codex, "src:b")), Ct);

        Assert.Equal(new WriteResult(0, 0, 0, 1, 2, 0), result);
        var edge = await SingleEdgeAsync(store, Jerry, Relation.WorkedOn);
        Assert.Equal(2, (await store.GetSourceRefsAsync([edge.Id], Ct))[edge.Id].Count);
    }

    [StoreFact]
    public async Task The_same_claim_from_the_same_source_twice_is_one_piece_of_provenance()
    {
        var store = await StoreWithBaseAsync();
        var claim = Edge(Relation.WorkedAt, Jerry, OpenAi, "src:a", "2019", role: "Research Scientist");

        var first = await store.ApplyAsync(Of(claim, claim), Ct);
        var stats = await store.GetStatsAsync(Ct);
        var again = await store.ApplyAsync(Of(claim), Ct);

        Assert.Equal(new WriteResult(0, 0, 0, 1, 1, 0), first);
        Assert.Equal(WriteResult.Empty, again);
        Assert.Equal(stats, await store.GetStatsAsync(Ct));
        Assert.Equal(1, stats.Provenance);
    }

    [StoreFact]
    public async Task A_whole_batch_applied_twice_changes_nothing_the_second_time()
    {
        var store = await CreateStoreAsync();
        var batch = Base();
        batch.Edges.AddRange(
        [
            Edge(Relation.WorkedAt, Jerry, OpenAi, "src:a", "2019", role: "Research Scientist"),
            Edge(Relation.Left, Jerry, OpenAi, "src:a", "2026-01-05"),
            Edge(Relation.Left, Jerry, OpenAi, "src:b", "2026-01-07"),
            Edge(Relation.DevelopedBy, Codex, OpenAi, "src:c"),
        ]);

        await store.ApplyAsync(batch, Ct);
        var stats = await store.GetStatsAsync(Ct);
        var again = await store.ApplyAsync(batch, Ct);

        Assert.Equal(WriteResult.Empty, again);
        Assert.Equal(stats, await store.GetStatsAsync(Ct));
        Assert.Equal(new GraphStats(6, 3, 3, 4), stats);
    }

    [StoreFact]
    public async Task Different_roles_are_two_edges()
    {
        var store = await StoreWithBaseAsync();

        await store.ApplyAsync(Of(
            Edge(Relation.WorkedAt, Jerry, OpenAi, "src:a", "2019", role: "Research Scientist"),
            Edge(Relation.WorkedAt, Jerry, OpenAi, "src:b", "2019", role: "Vice President of Research")), Ct);
        var edges = (await store.GetEdgesFromAsync([Jerry], [Relation.WorkedAt], Ct))[Jerry];

        Assert.Equal(["Research Scientist", "Vice President of Research"], edges.Select(e => e.Role).Order(StringComparer.Ordinal));
        Assert.Equal(2, edges.Select(e => e.Id).Distinct().Count());
    }

    [StoreFact]
    public async Task Starts_in_different_years_are_two_edges()
    {
        var store = await StoreWithBaseAsync();

        await store.ApplyAsync(Of(
            Edge(Relation.WorkedAt, Jerry, OpenAi, "src:a", "2019", "2021"),
            Edge(Relation.WorkedAt, Jerry, OpenAi, "src:a", "2023")), Ct);
        var edges = (await store.GetEdgesFromAsync([Jerry], [Relation.WorkedAt], Ct))[Jerry];

        Assert.Equal(["2019", "2023"], edges.Select(e => e.Start.ToString()).Order(StringComparer.Ordinal));
        Assert.Empty(await store.GetConflictedEdgesAsync(10, 0, Ct));
    }

    [StoreFact]
    public async Task A_claim_without_a_start_or_role_joins_the_edge_it_fits()
    {
        var store = await StoreWithBaseAsync();

        await store.ApplyAsync(Of(Edge(Relation.WorkedAt, Jerry, OpenAi, "src:a", "2019", role: "Research Scientist")), Ct);
        var result = await store.ApplyAsync(Of(Edge(Relation.WorkedAt, Jerry, OpenAi, "src:b")), Ct);
        var edge = await SingleEdgeAsync(store, Jerry, Relation.WorkedAt);

        Assert.Equal(new WriteResult(0, 0, 0, 0, 1, 0), result);
        Assert.Equal(D("2019"), edge.Start);
        Assert.Equal("Research Scientist", edge.Role);
    }

    [StoreFact]
    public async Task Claims_that_agree_at_different_precision_hold_the_most_precise_without_conflict()
    {
        var store = await StoreWithBaseAsync();

        await store.ApplyAsync(Of(Edge(Relation.Joined, Jerry, OpenAi, "src:a", "2019")), Ct);
        var result = await store.ApplyAsync(Of(Edge(Relation.Joined, Jerry, OpenAi, "src:b", "2019-07")), Ct);
        var edge = await SingleEdgeAsync(store, Jerry, Relation.Joined);

        Assert.Equal(0, result.Conflicts);
        Assert.Equal(D("2019-07"), edge.Start);
        Assert.Empty(await store.GetConflictedEdgesAsync(10, 0, Ct));
        Assert.Empty(Conflicts.Of(await WithSourcesAsync(store, edge)));
    }

    [StoreFact]
    public async Task Days_that_disagree_inside_a_month_are_one_edge_holding_the_month_in_conflict()
    {
        var store = await StoreWithBaseAsync();

        var first = await store.ApplyAsync(Of(Edge(Relation.Left, Jerry, OpenAi, "src:a", "2026-01-05")), Ct);
        var second = await store.ApplyAsync(Of(Edge(Relation.Left, Jerry, OpenAi, "src:b", "2026-01-06")), Ct);
        var third = await store.ApplyAsync(Of(Edge(Relation.Left, Jerry, OpenAi, "src:c", "2026-01-07")), Ct);
        var edge = await SingleEdgeAsync(store, Jerry, Relation.Left);

        Assert.Equal((1, 0), (first.NewEdges, first.Conflicts));
        Assert.Equal((0, 1, 1), (second.NewEdges, second.NewProvenance, second.Conflicts));
        Assert.Equal((0, 1, 0), (third.NewEdges, third.NewProvenance, third.Conflicts)); // already in conflict
        Assert.Equal(D("2026-01"), edge.Start);

        var conflicted = Assert.Single(await store.GetConflictedEdgesAsync(10, 0, Ct));
        Assert.Equal(edge.Id, conflicted.Id);
        Assert.Equal(D("2026-01"), conflicted.Start);
        Assert.Equal(["src:a", "src:b", "src:c"], conflicted.Sources.Select(s => s.SourceId).Order(StringComparer.Ordinal));

        var conflict = Assert.Single(Conflicts.Of(conflicted));
        Assert.Equal("start", conflict.Field);
        Assert.Equal(["2026-01-05", "2026-01-06", "2026-01-07"], conflict.Values.Select(v => v.Value));
        Assert.Equal(["src:a", "src:b", "src:c"], conflict.Values.Select(v => Assert.Single(v.Sources).SourceId));
    }

    [StoreFact]
    public async Task Days_that_disagree_inside_one_batch_are_one_edge_in_conflict()
    {
        var store = await StoreWithBaseAsync();

        var result = await store.ApplyAsync(Of(
            Edge(Relation.Left, Jerry, OpenAi, "src:a", "2026-01-05"),
            Edge(Relation.Left, Jerry, OpenAi, "src:b", "2026-01-07"),
            Edge(Relation.Left, Jerry, OpenAi, "src:c", "2026-01")), Ct);
        var edge = await SingleEdgeAsync(store, Jerry, Relation.Left);

        Assert.Equal(new WriteResult(0, 0, 0, 1, 3, 1), result);
        Assert.Equal(D("2026-01"), edge.Start);
        Assert.Equal(edge.Id, Assert.Single(await store.GetConflictedEdgesAsync(10, 0, Ct)).Id);
    }

    [StoreFact]
    public async Task End_dates_in_different_years_are_a_conflict_on_end()
    {
        var store = await StoreWithBaseAsync();

        await store.ApplyAsync(Of(
            Edge(Relation.WorkedAt, Jerry, OpenAi, "src:a", "2019", "2024"),
            Edge(Relation.WorkedAt, Jerry, OpenAi, "src:b", "2019", "2025")), Ct);
        var conflicted = Assert.Single(await store.GetConflictedEdgesAsync(10, 0, Ct));

        Assert.Equal(D("2019"), conflicted.Start);
        Assert.NotNull(conflicted.End);
        var conflict = Assert.Single(Conflicts.Of(conflicted));
        Assert.Equal("end", conflict.Field);
        Assert.Equal(["2024", "2025"], conflict.Values.Select(v => v.Value));
    }

    [StoreFact]
    public async Task Conflicted_edges_come_in_a_stable_order_page_by_page()
    {
        var store = await CreateStoreAsync();
        var batch = new GraphBatch { Sources = { Src("src:a"), Src("src:b") }, Nodes = { Org(OpenAi, "OpenAI") } };
        for (var i = 0; i < 5; i++)
        {
            batch.Nodes.Add(Person($"person:p{i}", $"Person {i}"));
            batch.Edges.Add(Edge(Relation.Left, $"person:p{i}", OpenAi, "src:a", "2025-03-01"));
            batch.Edges.Add(Edge(Relation.Left, $"person:p{i}", OpenAi, "src:b", "2025-03-02"));
        }

        await store.ApplyAsync(batch, Ct);
        var all = await store.GetConflictedEdgesAsync(10, 0, Ct);
        var pages = (await store.GetConflictedEdgesAsync(2, 0, Ct))
            .Concat(await store.GetConflictedEdgesAsync(2, 2, Ct))
            .Concat(await store.GetConflictedEdgesAsync(2, 4, Ct));

        Assert.Equal(5, all.Count);
        Assert.Equal(all.Select(e => e.Id), pages.Select(e => e.Id));
        Assert.Equal(all.Select(e => e.Id), (await store.GetConflictedEdgesAsync(10, 0, Ct)).Select(e => e.Id));
        Assert.All(all, e => Assert.Equal(2, e.Sources.Count));
        Assert.Empty(await store.GetConflictedEdgesAsync(10, 5, Ct));
    }

    // ---- edges: refused batches --------------------------------------------------------------------------

    public static TheoryData<string, string> BadEdges => new()
    {
        { "unknown to", "to" },
        { "unknown from", "from" },
        { "WORKED_AT Person->Model", "relation" },
        { "DEVELOPED_BY Person->Organization", "relation" },
        { "unknown source", "sources" },
        { "no sources", "sources" },
        { "end before start", "end" },
        { "event with end", "end" },
        { "edge to itself", "to" },
        { "confidence above 1", "confidence" },
    };

    private static EdgeInput BadEdge(string name) => name switch
    {
        "unknown to" => Edge(Relation.WorkedAt, "person:new", "org:nowhere", "src:new", "2020"),
        "unknown from" => Edge(Relation.WorkedAt, "person:nobody", OpenAi, "src:new", "2020"),
        "WORKED_AT Person->Model" => Edge(Relation.WorkedAt, "person:new", Codex, "src:new", "2020"),
        "DEVELOPED_BY Person->Organization" => Edge(Relation.DevelopedBy, "person:new", OpenAi, "src:new"),
        "unknown source" => Edge(Relation.WorkedAt, "person:new", OpenAi, "src:nowhere", "2020"),
        "no sources" => Edge(Relation.WorkedAt, "person:new", OpenAi, "src:new", "2020") with { Sources = [] },
        "end before start" => Edge(Relation.WorkedAt, "person:new", OpenAi, "src:new", "2020-05", "2019"),
        "event with end" => Edge(Relation.Left, "person:new", OpenAi, "src:new", "2020", "2021"),
        "edge to itself" => Edge(Relation.PartOf, OpenAi, OpenAi, "src:new"),
        "confidence above 1" => Edge(Relation.WorkedAt, "person:new", OpenAi, "src:new", "2020") with { Confidence = 1.5 },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [StoreTheory]
    [MemberData(nameof(BadEdges))]
    public async Task A_batch_with_a_bad_edge_is_refused_naming_it_and_writes_nothing(string bad, string field)
    {
        var store = await StoreWithBaseAsync();
        await store.ApplyAsync(Of(Edge(Relation.WorkedOn, Jerry, Codex, "src:a")), Ct);
        var stats = await store.GetStatsAsync(Ct);
        var batch = new GraphBatch
        {
            Sources = { Src("src:new") },
            Nodes = { Person("person:new", "New Person"), Person(Jerry, "Jerry Tworek", "A New Alias") },
            Edges =
            {
                Edge(Relation.WorkedAt, "person:new", OpenAi, "src:new", "2020"),
                BadEdge(bad),
                Edge(Relation.WorkedOn, Jerry, Codex, "src:b"),
            },
        };

        var error = await Assert.ThrowsAsync<GraphValidationException>(() => store.ApplyAsync(batch, Ct));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(("edges", 1, field), (problem.List, problem.Index, problem.Field));
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        Assert.Contains($"edges[1]: {field}: ", error.Message, StringComparison.Ordinal);

        Assert.Equal(stats, await store.GetStatsAsync(Ct));
        Assert.Empty(await store.GetNodesAsync(["person:new"], Ct));
        Assert.Empty(await store.GetSourcesAsync(["src:new"], Ct));
        Assert.Empty(await store.FindByNameAsync("A New Alias", null, Ct));
        Assert.Empty(await store.SearchAsync("new", 10, Ct));
        var codexEdge = await SingleEdgeAsync(store, Jerry, Relation.WorkedOn);
        Assert.Single((await store.GetSourceRefsAsync([codexEdge.Id], Ct))[codexEdge.Id]);
    }

    [StoreFact]
    public async Task Every_problem_of_a_batch_is_named_at_once()
    {
        var store = await StoreWithBaseAsync();
        var batch = Of(
            Edge(Relation.WorkedAt, Jerry, "org:nowhere", "src:a"),
            Edge(Relation.WorkedOn, Jerry, Codex, "src:a"),
            Edge(Relation.WorkedAt, Jerry, Gpt4, "src:nowhere"));

        var error = await Assert.ThrowsAsync<GraphValidationException>(() => store.ApplyAsync(batch, Ct));

        Assert.Equal(
            [("edges", 0, "to"), ("edges", 2, "relation"), ("edges", 2, "sources")],
            error.Problems.Select(p => (p.List, p.Index, p.Field)).Order());
        Assert.Equal(0, (await store.GetStatsAsync(Ct)).Edges);
    }

    [StoreFact]
    public async Task Edges_may_refer_to_nodes_and_sources_of_the_same_batch_or_of_earlier_ones()
    {
        var store = await StoreWithBaseAsync();
        var batch = new GraphBatch
        {
            Sources = { Src("src:new") },
            Nodes = { Person("person:new", "New Person") },
            Edges = { Edge(Relation.WorkedAt, "person:new", OpenAi, "src:new", "2020"), Edge(Relation.WorkedAt, Jerry, OpenAi, "src:new", "2019") },
        };

        var result = await store.ApplyAsync(batch, Ct);

        Assert.Equal(new WriteResult(1, 0, 1, 2, 2, 0), result);
    }

    [StoreFact]
    public async Task Every_relation_is_accepted_between_the_kinds_it_allows()
    {
        var store = await StoreWithBaseAsync();
        var batch = new GraphBatch
        {
            Nodes = { new GraphNode("paper:codex", NodeKind.Paper, "Evaluating LLMs Trained on Code", []) { Year = 2021 }, Org("org:team", "Team") },
            Edges =
            {
                Edge(Relation.WorkedAt, Jerry, OpenAi, "src:a", "2019", role: "Researcher"),
                Edge(Relation.StudiedAt, Lukasz, OpenAi, "src:a", "2010", "2013", role: "PhD"),
                Edge(Relation.WorkedOn, Jerry, Codex, "src:a", role: "Reinforcement learning"),
                Edge(Relation.WorkedOn, Jerry, "paper:codex", "src:a"),
                Edge(Relation.Led, Jerry, Gpt4, "src:a"),
                Edge(Relation.Led, Jerry, "org:team", "src:a"),
                Edge(Relation.Authored, Jerry, "paper:codex", "src:a"),
                Edge(Relation.Joined, Lukasz, OpenAi, "src:a", "2021"),
                Edge(Relation.Left, Jerry, OpenAi, "src:a", "2026-01"),
                Edge(Relation.Founded, Lukasz, "org:team", "src:a", "2022"),
                Edge(Relation.DevelopedBy, Codex, OpenAi, "src:a"),
                Edge(Relation.PartOf, "org:team", OpenAi, "src:a"),
            },
        };

        var result = await store.ApplyAsync(batch, Ct);
        var from = await store.GetEdgesFromAsync([Jerry, Lukasz, Codex, "org:team"], null, Ct);

        Assert.Equal(12, result.NewEdges);
        Assert.Equal(12, from.Values.Sum(l => l.Count));
        Assert.Equal(Relations.All.Order(), from.Values.SelectMany(l => l).Select(e => e.Relation).Distinct().Order());
        var studied = Assert.Single(from[Lukasz], e => e.Relation == Relation.StudiedAt);
        Assert.Equal((D("2010"), D("2013"), "PhD"), (studied.Start!.Value, studied.End!.Value, studied.Role!));
    }
}
