using KnowledgeGraph.Core.Graph;
using static KnowledgeGraph.Storage.Tests.TestGraph;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>
/// What an adapter with corrections must do: retract a source, replace a document's claims, record a person's choice
/// for a conflict, merge two nodes; each whole or nothing, and again changes nothing. Adapters that have them subclass it.
/// </summary>
[Trait("Category", "Store")]
public abstract class CorrectionsContract : StoreContractBase
{
    private static async Task<GraphEdge> SingleWithSourcesAsync(IGraphStore store, string from, Relation relation) =>
        await WithSourcesAsync(store, await SingleEdgeAsync(store, from, relation));

    /// <summary>Jerry left OpenAI on 2026-01-05 (src:a), 2026-01-06 (src:b) or 2026-01-07 (src:c): one edge holding "2026-01", in conflict.</summary>
    private static async Task<IGraphStore> StoreWithDisputedDepartureAsync(IGraphStore store)
    {
        await store.ApplyAsync(Of(
            Edge(Relation.Left, Jerry, OpenAi, "src:a", "2026-01-05"),
            Edge(Relation.Left, Jerry, OpenAi, "src:b", "2026-01-06"),
            Edge(Relation.Left, Jerry, OpenAi, "src:c", "2026-01-07")), Ct);
        return store;
    }

    // ---- retractSource ----------------------------------------------------------------------------------

    [StoreFact]
    public async Task Retracting_a_source_removes_the_edges_only_it_supported_and_settles_the_others_again()
    {
        var store = await StoreWithDisputedDepartureAsync(await StoreWithBaseAsync());
        await store.ApplyAsync(Of(Edge(Relation.WorkedOn, Jerry, Codex, "src:c", "2021")), Ct);
        Assert.Single(await store.GetConflictedEdgesAsync(10, 0, Ct));

        var first = await store.RetractSourceAsync("src:c", Ct);
        var left = await SingleWithSourcesAsync(store, Jerry, Relation.Left);
        Assert.Equal(new RetractResult("src:c", false, 2, 1, 1), first);
        Assert.Empty((await store.GetEdgesFromAsync([Jerry], [Relation.WorkedOn], Ct))[Jerry]);
        Assert.Equal(["src:a", "src:b"], left.Sources.Select(s => s.SourceId).Order(StringComparer.Ordinal));
        Assert.Equal(D("2026-01"), left.Start); // still two days of one month
        Assert.Single(await store.GetConflictedEdgesAsync(10, 0, Ct));

        var second = await store.RetractSourceAsync("src:b", Ct);
        left = await SingleWithSourcesAsync(store, Jerry, Relation.Left);
        Assert.Equal(new RetractResult("src:b", false, 1, 0, 1), second);
        Assert.Equal(D("2026-01-05"), left.Start); // one source left: its own day, no conflict
        Assert.Empty(await store.GetConflictedEdgesAsync(10, 0, Ct));
        Assert.Equal(0, (await store.GetBreakdownAsync(Ct)).ConflictedEdges);

        var retracted = (await store.GetSourcesAsync(["src:b", "src:a"], Ct));
        Assert.NotNull(retracted["src:b"].RetractedAt);
        Assert.Null(retracted["src:a"].RetractedAt);
    }

    [StoreFact]
    public async Task Retracting_again_changes_nothing_and_re_imports_of_a_retracted_source_add_nothing()
    {
        var store = await StoreWithDisputedDepartureAsync(await StoreWithBaseAsync());
        await store.RetractSourceAsync("src:c", Ct);
        var stats = await store.GetStatsAsync(Ct);

        var again = await store.RetractSourceAsync("src:c", Ct);
        var reimport = await store.ApplyAsync(Of(Edge(Relation.Left, Jerry, OpenAi, "src:c", "2026-01-07"), Edge(Relation.WorkedOn, Jerry, Codex, "src:c")), Ct);

        Assert.Equal(new RetractResult("src:c", true, 0, 0, 0), again);
        Assert.Equal(WriteResult.Empty, reimport);
        Assert.Equal(stats, await store.GetStatsAsync(Ct));
        Assert.DoesNotContain("src:c", (await SingleWithSourcesAsync(store, Jerry, Relation.Left)).Sources.Select(s => s.SourceId));
    }

    [StoreFact]
    public async Task Retracting_an_unknown_source_is_refused_by_name()
    {
        var store = await StoreWithBaseAsync();

        var error = await Assert.ThrowsAsync<CorrectionException>(() => store.RetractSourceAsync("src:nope", Ct));

        Assert.Contains("'src:nope'", error.Message, StringComparison.Ordinal);
    }

    // ---- new version of a document ----------------------------------------------------------------------

    [StoreFact]
    public async Task Replacing_a_source_swaps_its_claims_and_leaves_other_sources_alone()
    {
        var store = await StoreWithBaseAsync();
        await store.ApplyAsync(Of(
            Edge(Relation.Joined, Jerry, OpenAi, "src:a", "2019"),
            Edge(Relation.Joined, Jerry, OpenAi, "src:b", "2019"),
            Edge(Relation.WorkedOn, Jerry, Codex, "src:a", "2021")), Ct);

        var replacement = Of(Edge(Relation.WorkedOn, Jerry, Gpt4, "src:a", "2023"));
        replacement.Sources.Add(Src("src:a") with { ContentHash = "v2" });
        var result = await store.ReplaceSourceAsync("src:a", replacement, Ct);

        Assert.Equal(1, result.NewEdges);
        var joined = await SingleWithSourcesAsync(store, Jerry, Relation.Joined);
        Assert.Equal(["src:b"], joined.Sources.Select(s => s.SourceId));
        var workedOn = await SingleWithSourcesAsync(store, Jerry, Relation.WorkedOn);
        Assert.Equal(Gpt4, workedOn.To);
        Assert.Equal("v2", (await store.GetSourcesAsync(["src:a"], Ct))["src:a"].ContentHash);

        // The same version again: its claims are withdrawn and written back, so the graph reads the same.
        var stats = await store.GetStatsAsync(Ct);
        await store.ReplaceSourceAsync("src:a", replacement, Ct);
        Assert.Equal(stats, await store.GetStatsAsync(Ct));
        var after = await SingleWithSourcesAsync(store, Jerry, Relation.WorkedOn);
        Assert.Equal((workedOn.Id, workedOn.To, workedOn.Start), (after.Id, after.To, after.Start));
        Assert.Equal(workedOn.Sources, after.Sources);
    }

    [StoreFact]
    public async Task A_replacement_the_store_refuses_leaves_the_old_claims_in_place()
    {
        var store = await StoreWithBaseAsync();
        await store.ApplyAsync(Of(Edge(Relation.WorkedOn, Jerry, Codex, "src:a", "2021")), Ct);
        var stats = await store.GetStatsAsync(Ct);

        var bad = Of(Edge(Relation.WorkedOn, Jerry, "model:missing", "src:a", "2023"));
        await Assert.ThrowsAsync<GraphValidationException>(() => store.ReplaceSourceAsync("src:a", bad, Ct));

        Assert.Equal(stats, await store.GetStatsAsync(Ct));
        Assert.Equal(Codex, (await SingleWithSourcesAsync(store, Jerry, Relation.WorkedOn)).To);
    }

    // ---- resolveConflict --------------------------------------------------------------------------------

    [StoreFact]
    public async Task A_chosen_value_is_held_and_the_edge_is_no_longer_a_conflict()
    {
        var store = await StoreWithDisputedDepartureAsync(await StoreWithBaseAsync());
        var edge = await SingleWithSourcesAsync(store, Jerry, Relation.Left);

        var result = await store.ResolveConflictAsync(edge.Id + "/start", D("2026-01-06"), "HR letter", Ct);

        Assert.True(result.Changed);
        Assert.Equal(D("2026-01-06"), result.Edge.Start);
        Assert.Equal(edge.Id + "/start", result.Resolution.ConflictId);
        Assert.Equal("HR letter", result.Resolution.Note);
        Assert.Equal(D("2026-01-06"), (await SingleWithSourcesAsync(store, Jerry, Relation.Left)).Start);
        Assert.Empty(await store.GetConflictedEdgesAsync(10, 0, Ct));
        Assert.Equal(0, (await store.GetBreakdownAsync(Ct)).ConflictedEdges);
        var resolutions = (await store.GetResolutionsAsync([edge.Id], Ct))[edge.Id];
        Assert.Equal(["start"], resolutions.Select(r => r.Field));
        Assert.Equal(3, (await SingleWithSourcesAsync(store, Jerry, Relation.Left)).Sources.Count); // the sources stay

        var again = await store.ResolveConflictAsync(edge.Id, D("2026-01-06"), "HR letter", Ct);
        Assert.False(again.Changed);
        Assert.Equal(result.Resolution, again.Resolution);
    }

    [StoreFact]
    public async Task A_chosen_value_survives_the_same_and_new_sources_being_imported_again()
    {
        var store = await StoreWithDisputedDepartureAsync(await StoreWithBaseAsync());
        var edge = await SingleWithSourcesAsync(store, Jerry, Relation.Left);
        await store.ResolveConflictAsync(edge.Id, D("2026-01-06"), null, Ct);

        await StoreWithDisputedDepartureAsync(store);
        var newSource = new GraphBatch { Sources = { Src("src:d") } };
        newSource.Edges.Add(Edge(Relation.Left, Jerry, OpenAi, "src:d", "2026-02-01"));
        var write = await store.ApplyAsync(newSource, Ct);

        var held = await SingleWithSourcesAsync(store, Jerry, Relation.Left);
        Assert.Equal(1, write.NewProvenance);
        Assert.Equal(0, write.Conflicts);
        Assert.Equal(4, held.Sources.Count);
        Assert.Equal(D("2026-01-06"), held.Start);
        Assert.Empty(await store.GetConflictedEdgesAsync(10, 0, Ct));
    }

    [StoreFact]
    public async Task Resolving_a_field_the_sources_agree_on_or_an_unknown_edge_is_refused()
    {
        var store = await StoreWithBaseAsync();
        await store.ApplyAsync(Of(Edge(Relation.Joined, Jerry, OpenAi, "src:a", "2019"), Edge(Relation.Joined, Jerry, OpenAi, "src:b", "2019")), Ct);
        var edge = await SingleWithSourcesAsync(store, Jerry, Relation.Joined);

        var agreed = await Assert.ThrowsAsync<CorrectionException>(() => store.ResolveConflictAsync(edge.Id + "/start", D("2020"), null, Ct));
        var unknown = await Assert.ThrowsAsync<CorrectionException>(() => store.ResolveConflictAsync("edge:nope/start", D("2020"), null, Ct));
        var badField = await Assert.ThrowsAsync<CorrectionException>(() => store.ResolveConflictAsync(edge.Id + "/title", D("2020"), null, Ct));

        Assert.Contains("sources agree", agreed.Message, StringComparison.Ordinal);
        Assert.Contains("'edge:nope'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("'title'", badField.Message, StringComparison.Ordinal);
        Assert.Equal(D("2019"), (await SingleWithSourcesAsync(store, Jerry, Relation.Joined)).Start);
        Assert.Empty((await store.GetResolutionsAsync([edge.Id], Ct))[edge.Id]);
    }

    [StoreFact]
    public async Task An_edge_disputed_on_both_ends_needs_the_field_named_and_keeps_the_other_conflict()
    {
        var store = await StoreWithBaseAsync();
        await store.ApplyAsync(Of(
            Edge(Relation.WorkedAt, Jerry, OpenAi, "src:a", "2019-03", "2025", role: "Researcher"),
            Edge(Relation.WorkedAt, Jerry, OpenAi, "src:b", "2019-07", "2026", role: "Researcher")), Ct);
        var edge = await SingleWithSourcesAsync(store, Jerry, Relation.WorkedAt);

        var unnamed = await Assert.ThrowsAsync<CorrectionException>(() => store.ResolveConflictAsync(edge.Id, D("2019"), null, Ct));
        await store.ResolveConflictAsync(edge.Id + "/start", D("2019-03"), null, Ct);

        Assert.Contains(edge.Id + "/end", unnamed.Message, StringComparison.Ordinal);
        var disputed = Assert.Single(await store.GetConflictedEdgesAsync(10, 0, Ct));
        var resolved = (await store.GetResolutionsAsync([disputed.Id], Ct))[disputed.Id].Select(r => r.Field).ToList();
        Assert.Equal(["end"], Conflicts.Of(disputed, resolved).Select(c => c.Field));
        Assert.Equal(D("2019-03"), disputed.Start);
        Assert.Equal(D("2025"), disputed.End); // best supported: a tie, so the first recorded
    }

    // ---- mergeEntities ----------------------------------------------------------------------------------

    [StoreFact]
    public async Task Merging_moves_edges_unions_the_sources_of_the_same_fact_and_keeps_the_name_as_an_alias()
    {
        var store = await StoreWithBaseAsync();
        await store.ApplyAsync(new GraphBatch { Nodes = { Person("person:j-tworek", "J. Tworek") } }, Ct);
        await store.ApplyAsync(Of(
            Edge(Relation.Joined, Jerry, OpenAi, "src:a", "2019"),
            Edge(Relation.Joined, "person:j-tworek", OpenAi, "src:b", "2019"),
            Edge(Relation.WorkedOn, "person:j-tworek", Codex, "src:c", "2021")), Ct);

        var result = await store.MergeEntitiesAsync(Jerry, "person:j-tworek", Ct);

        Assert.Equal(new MergeResult(Jerry, "person:j-tworek", false, 1, 1, 0, 1), result);
        Assert.Empty(await store.GetNodesAsync(["person:j-tworek"], Ct));
        var joined = await SingleWithSourcesAsync(store, Jerry, Relation.Joined);
        Assert.Equal(["src:a", "src:b"], joined.Sources.Select(s => s.SourceId).Order(StringComparer.Ordinal));
        Assert.Equal("src:c", Assert.Single((await SingleWithSourcesAsync(store, Jerry, Relation.WorkedOn)).Sources).SourceId);
        Assert.Equal(Jerry, Assert.Single(await store.FindByNameAsync("J. Tworek", NodeKind.Person, Ct)).Id);
        Assert.Contains(Jerry, (await store.SearchAsync("Tworek", 10, Ct)).Select(n => n.Id));
        Assert.DoesNotContain("person:j-tworek", (await store.SearchAsync("Tworek", 10, Ct)).Select(n => n.Id));
        Assert.Equal(new GraphStats(6, 2, 3, 3), await store.GetStatsAsync(Ct));
    }

    [StoreFact]
    public async Task Merging_again_changes_nothing_and_later_writes_naming_the_removed_id_go_to_the_kept_node()
    {
        var store = await StoreWithBaseAsync();
        await store.ApplyAsync(new GraphBatch { Nodes = { Org("org:open-ai-inc", "OpenAI Inc.") } }, Ct);
        await store.MergeEntitiesAsync(OpenAi, "org:open-ai-inc", Ct);
        var stats = await store.GetStatsAsync(Ct);

        var again = await store.MergeEntitiesAsync(OpenAi, "org:open-ai-inc", Ct);
        var reimport = new GraphBatch { Nodes = { Org("org:open-ai-inc", "OpenAI Inc.") } };
        reimport.Edges.Add(Edge(Relation.Joined, Jerry, "org:open-ai-inc", "src:a", "2019"));
        await store.ApplyAsync(reimport, Ct);

        Assert.True(again.AlreadyMerged);
        Assert.Equal(stats.Nodes, (await store.GetStatsAsync(Ct)).Nodes);
        Assert.Empty(await store.GetNodesAsync(["org:open-ai-inc"], Ct));
        Assert.Equal(OpenAi, (await SingleWithSourcesAsync(store, Jerry, Relation.Joined)).To);
    }

    [StoreFact]
    public async Task Merging_nodes_of_different_kinds_or_unknown_ids_is_refused_and_changes_nothing()
    {
        var store = await StoreWithBaseAsync();
        await store.ApplyAsync(Of(Edge(Relation.WorkedOn, Jerry, Codex, "src:a")), Ct);
        var stats = await store.GetStatsAsync(Ct);

        var kinds = await Assert.ThrowsAsync<CorrectionException>(() => store.MergeEntitiesAsync(OpenAi, Codex, Ct));
        var unknown = await Assert.ThrowsAsync<CorrectionException>(() => store.MergeEntitiesAsync(Jerry, "person:nobody", Ct));
        var same = await Assert.ThrowsAsync<CorrectionException>(() => store.MergeEntitiesAsync(Jerry, Jerry, Ct));

        Assert.Contains("Organization", kinds.Message, StringComparison.Ordinal);
        Assert.Contains("Model", kinds.Message, StringComparison.Ordinal);
        Assert.Contains("'person:nobody'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("same node", same.Message, StringComparison.Ordinal);
        Assert.Equal(stats, await store.GetStatsAsync(Ct));
        Assert.Single(await store.GetNodesAsync([Codex], Ct));
    }

    [StoreFact]
    public async Task Merging_carries_a_chosen_value_and_drops_an_edge_that_would_join_the_kept_node_to_itself()
    {
        var store = await StoreWithBaseAsync();
        await store.ApplyAsync(new GraphBatch { Nodes = { Org("org:openai-dup", "OpenAI LP"), Person("person:jt", "J Tworek") } }, Ct);
        await store.ApplyAsync(Of(
            Edge(Relation.PartOf, "org:openai-dup", OpenAi, "src:a"),
            Edge(Relation.Left, "person:jt", OpenAi, "src:a", "2026-01-05"),
            Edge(Relation.Left, "person:jt", OpenAi, "src:b", "2026-01-07")), Ct);
        var disputed = await SingleWithSourcesAsync(store, "person:jt", Relation.Left);
        await store.ResolveConflictAsync(disputed.Id, D("2026-01-07"), null, Ct);

        var orgs = await store.MergeEntitiesAsync(OpenAi, "org:openai-dup", Ct);
        var people = await store.MergeEntitiesAsync(Jerry, "person:jt", Ct);

        Assert.Equal(1, orgs.DroppedEdges);
        Assert.Empty((await store.GetEdgesFromAsync([OpenAi], [Relation.PartOf], Ct))[OpenAi]);
        Assert.Equal(1, people.MovedEdges);
        Assert.Equal(D("2026-01-07"), (await SingleWithSourcesAsync(store, Jerry, Relation.Left)).Start);
        Assert.Empty(await store.GetConflictedEdgesAsync(10, 0, Ct));
    }
}
