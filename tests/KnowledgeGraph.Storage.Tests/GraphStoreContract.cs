using KnowledgeGraph.Core.Graph;
using static KnowledgeGraph.Storage.Tests.TestGraph;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>
/// What every <see cref="IGraphStore"/> adapter must do. An adapter's tests subclass this and say how to make a
/// fresh, empty, initialized store; every test here then runs against it.
/// </summary>
[Trait("Category", "Store")]
public abstract partial class GraphStoreContract : StoreContractBase
{
    // ---- nodes -------------------------------------------------------------------------------------------

    [StoreFact]
    public async Task A_new_store_is_empty_and_answers()
    {
        var store = await CreateStoreAsync();

        Assert.True(await store.PingAsync(Ct));
        Assert.Equal(new GraphStats(0, 0, 0, 0), await store.GetStatsAsync(Ct));
    }

    [StoreFact]
    public async Task An_empty_batch_changes_nothing()
    {
        var store = await CreateStoreAsync();

        Assert.Equal(WriteResult.Empty, await store.ApplyAsync(new GraphBatch(), Ct));
        Assert.Equal(new GraphStats(0, 0, 0, 0), await store.GetStatsAsync(Ct));
    }

    [StoreFact]
    public async Task Upserting_the_same_nodes_and_sources_again_changes_nothing()
    {
        var store = await CreateStoreAsync();

        var first = await store.ApplyAsync(Base(), Ct);
        var stats = await store.GetStatsAsync(Ct);
        var second = await store.ApplyAsync(Base(), Ct);

        Assert.Equal(new WriteResult(6, 0, 3, 0, 0, 0), first);
        Assert.Equal(WriteResult.Empty, second);
        Assert.False(second.ChangedAnything);
        Assert.Equal(stats, await store.GetStatsAsync(Ct));
        Assert.Equal(new GraphStats(6, 0, 3, 0), stats);
    }

    [StoreFact]
    public async Task Nodes_come_back_with_their_kind_specific_fields()
    {
        var store = await CreateStoreAsync();
        var batch = new GraphBatch
        {
            Nodes =
            {
                new GraphNode("org:google", NodeKind.Organization, "Google", []) { OrganizationKind = OrganizationKind.Company },
                new GraphNode("org:google-deepmind", NodeKind.Organization, "Google DeepMind", ["DeepMind"]) { OrganizationKind = OrganizationKind.Lab, ParentId = "org:google" },
                new GraphNode("paper:codex", NodeKind.Paper, "Evaluating Large Language Models Trained on Code", []) { Year = 2021, Venue = "arXiv" },
            },
        };

        await store.ApplyAsync(batch, Ct);
        var nodes = await store.GetNodesAsync(["org:google-deepmind", "paper:codex"], Ct);

        var lab = nodes["org:google-deepmind"];
        Assert.Equal(NodeKind.Organization, lab.Kind);
        Assert.Equal("Google DeepMind", lab.Name);
        Assert.Equal(["DeepMind"], lab.Aliases);
        Assert.Equal(OrganizationKind.Lab, lab.OrganizationKind);
        Assert.Equal("org:google", lab.ParentId);
        var paper = nodes["paper:codex"];
        Assert.Equal(NodeKind.Paper, paper.Kind);
        Assert.Equal(2021, paper.Year);
        Assert.Equal("arXiv", paper.Venue);
        Assert.Null(paper.OrganizationKind);
    }

    [StoreFact]
    public async Task GetNodes_answers_only_for_ids_it_holds()
    {
        var store = await StoreWithBaseAsync();

        var nodes = await store.GetNodesAsync([Jerry, "person:nobody", OpenAi, "org:nowhere", Jerry], Ct);

        Assert.Equal([OpenAi, Jerry], nodes.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await store.GetNodesAsync([], Ct));
        Assert.Empty(await store.GetNodesAsync(["person:nobody"], Ct));
    }

    [StoreFact]
    public async Task Aliases_from_several_batches_are_merged_and_a_new_name_becomes_an_alias()
    {
        var store = await StoreWithBaseAsync();

        var result = await store.ApplyAsync(new GraphBatch { Nodes = { Person(Jerry, "Jerzy Tworek", "J. Tworek", "jerry") } }, Ct);
        var jerry = (await store.GetNodesAsync([Jerry], Ct))[Jerry];

        Assert.Equal(new WriteResult(0, 1, 0, 0, 0, 0), result);
        Assert.Equal("Jerry Tworek", jerry.Name);
        Assert.Equal(["J. Tworek", "Jerry", "Jerzy Tworek"], jerry.Aliases.Order(StringComparer.Ordinal));
        Assert.Equal(Jerry, Assert.Single(await store.FindByNameAsync("jerzy tworek", null, Ct)).Id);
        Assert.Equal(Jerry, Assert.Single(await store.FindByNameAsync("Jerry Tworek", null, Ct)).Id);
    }

    [StoreTheory]
    [InlineData("Jerry Tworek", Jerry)]
    [InlineData("jerry tworek", Jerry)]
    [InlineData("JERRY TWOREK", Jerry)]
    [InlineData("  jerry    Tworek ", Jerry)]
    [InlineData("jerry", Jerry)]
    [InlineData("open ai", OpenAi)]
    [InlineData("OPENAI", OpenAi)]
    [InlineData("openai codex", Codex)]
    [InlineData("gpt-4", Gpt4)]
    [InlineData("łukasz kaiser", Lukasz)]
    [InlineData("ŁUKASZ KAISER", Lukasz)]
    [InlineData("Łukasz\u200B Kaiser", Lukasz)]
    [InlineData("\u200BŁukasz Kai\u200Dser\uFEFF", Lukasz)]
    [InlineData("Jerry\u00A0Tworek", Jerry)]
    public async Task FindByName_matches_names_and_aliases_case_insensitively(string name, string expected)
    {
        var store = await StoreWithBaseAsync();

        var found = await store.FindByNameAsync(name, null, Ct);

        Assert.Equal(expected, Assert.Single(found).Id);
    }

    [StoreFact]
    public async Task FindByName_ignores_zero_width_characters_stored_in_a_name()
    {
        var store = await CreateStoreAsync();
        await store.ApplyAsync(new GraphBatch { Nodes = { Person("person:wojciech-zaremba", "Wojciech Zar\u200Bemba", "W\u200DZaremba") } }, Ct);

        Assert.Equal("person:wojciech-zaremba", Assert.Single(await store.FindByNameAsync("wojciech zaremba", null, Ct)).Id);
        Assert.Equal("person:wojciech-zaremba", Assert.Single(await store.FindByNameAsync("WZAREMBA", null, Ct)).Id);
    }

    // Fails today: Directory.Build.props sets InvariantGlobalization, under which string.Normalize leaves
    // non-ASCII text as it is, so NameNormalizer's FormKC step does nothing and "e\u0301" never meets "\u00E9".
    [StoreFact]
    public async Task FindByName_matches_composed_and_decomposed_accents()
    {
        var store = await CreateStoreAsync();
        await store.ApplyAsync(new GraphBatch { Nodes = { Person("person:jose-garcia", "Jose\u0301 Garci\u0301a") } }, Ct);

        Assert.Equal("person:jose-garcia", Assert.Single(await store.FindByNameAsync("Jos\u00E9 Garc\u00EDa", null, Ct)).Id);
    }

    [StoreFact]
    public async Task FindByName_filters_by_kind_and_finds_nothing_for_unknown_or_blank_names()
    {
        var store = await StoreWithBaseAsync();

        Assert.Equal(OpenAi, Assert.Single(await store.FindByNameAsync("OpenAI", NodeKind.Organization, Ct)).Id);
        Assert.Empty(await store.FindByNameAsync("OpenAI", NodeKind.Person, Ct));
        Assert.Empty(await store.FindByNameAsync("Ilya Sutskever", null, Ct));
        Assert.Empty(await store.FindByNameAsync("", null, Ct));
        Assert.Empty(await store.FindByNameAsync(" \u200B ", null, Ct));
        Assert.Empty(await store.FindByNameAsync("jerry tw", null, Ct)); // a name lookup is exact, not a prefix search
    }

    [StoreFact]
    public async Task FindByName_puts_the_node_named_so_before_one_that_only_has_it_as_an_alias()
    {
        var store = await CreateStoreAsync();
        await store.ApplyAsync(new GraphBatch { Nodes = { Model("model:a-codex", "OpenAI Codex CLI", "Codex"), Model("model:codex", "Codex") } }, Ct);

        var found = await store.FindByNameAsync("codex", NodeKind.Model, Ct);

        Assert.Equal(["model:codex", "model:a-codex"], found.Select(n => n.Id));
    }

    [StoreFact]
    public async Task A_node_cannot_change_its_kind_and_the_batch_writes_nothing()
    {
        var store = await StoreWithBaseAsync();
        var stats = await store.GetStatsAsync(Ct);
        var batch = new GraphBatch
        {
            Sources = { Src("src:new") },
            Nodes = { Person("person:new", "New Person"), new GraphNode(Jerry, NodeKind.Organization, "Jerry Tworek", []) },
        };

        var error = await Assert.ThrowsAsync<GraphValidationException>(() => store.ApplyAsync(batch, Ct));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(("nodes", 1), (problem.List, problem.Index));
        Assert.Contains(problem.Field, new[] { "id", "kind" });
        Assert.Equal(stats, await store.GetStatsAsync(Ct));
        Assert.Equal(NodeKind.Person, (await store.GetNodesAsync([Jerry], Ct))[Jerry].Kind);
        Assert.Empty(await store.GetNodesAsync(["person:new"], Ct));
    }

    [StoreTheory]
    [InlineData("Person", "person:Jerry", "Jerry", "id")]
    [InlineData("Person", "org:jerry", "Jerry", "id")]
    [InlineData("Person", "person:", "Jerry", "id")]
    [InlineData("Person", "person:jerry tworek", "Jerry", "id")]
    [InlineData("Model", "model:x'; DROP TABLE nodes;--", "X", "id")]
    [InlineData("Person", "person:nameless", "  ", "name")]
    public async Task Bad_nodes_are_refused_with_the_field_named(string kind, string id, string name, string field)
    {
        var store = await StoreWithBaseAsync();
        var stats = await store.GetStatsAsync(Ct);
        var batch = new GraphBatch { Nodes = { Person("person:fine", "Fine"), new GraphNode(id, Enum.Parse<NodeKind>(kind), name, []) } };

        var error = await Assert.ThrowsAsync<GraphValidationException>(() => store.ApplyAsync(batch, Ct));

        Assert.Contains(error.Problems, p => p is { List: "nodes", Index: 1 } && p.Field == field);
        Assert.Contains($"nodes[1]: {field}: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(stats, await store.GetStatsAsync(Ct));
    }

    [StoreFact]
    public async Task A_parent_must_be_a_known_organization()
    {
        var store = await StoreWithBaseAsync();
        var stats = await store.GetStatsAsync(Ct);
        var batch = new GraphBatch
        {
            Nodes =
            {
                Org("org:team-a", "Team A") with { ParentId = OpenAi },
                Org("org:team-b", "Team B") with { ParentId = "org:nowhere" },
                Org("org:team-c", "Team C") with { ParentId = Jerry },
            },
        };

        var error = await Assert.ThrowsAsync<GraphValidationException>(() => store.ApplyAsync(batch, Ct));

        Assert.Equal([("nodes", 1, "parent"), ("nodes", 2, "parent")], error.Problems.Select(p => (p.List, p.Index, p.Field)).Order());
        Assert.Equal(stats, await store.GetStatsAsync(Ct));
    }

    // ---- sources -----------------------------------------------------------------------------------------

    [StoreFact]
    public async Task Sources_come_back_as_written_and_unknown_ids_are_left_out()
    {
        var store = await CreateStoreAsync();
        var source = Src("src:news", "OpenAI's reasoning chief quits", "2026-01-07") with { ContentHash = "sha256:abc" };

        Assert.Equal(1, (await store.ApplyAsync(new GraphBatch { Sources = { source } }, Ct)).NewSources);
        Assert.Equal(0, (await store.ApplyAsync(new GraphBatch { Sources = { source } }, Ct)).NewSources);
        var sources = await store.GetSourcesAsync(["src:news", "src:nowhere"], Ct);

        var read = Assert.Single(sources).Value;
        Assert.Equal("src:news", read.Id);
        Assert.Equal("OpenAI's reasoning chief quits", read.Title);
        Assert.Equal("https://example.org/news", read.Url);
        Assert.Equal(D("2026-01-07"), read.PublishedOn);
        Assert.Equal("sha256:abc", read.ContentHash);
        Assert.Empty(await store.GetSourcesAsync([], Ct));
    }

    [StoreFact]
    public async Task A_source_named_twice_in_one_batch_is_one_new_source()
    {
        var store = await CreateStoreAsync();

        var result = await store.ApplyAsync(new GraphBatch { Sources = { Src("src:a", "First title"), Src("src:a", "Second title") } }, Ct);

        Assert.Equal((1, 1L), (result.NewSources, (await store.GetStatsAsync(Ct)).Sources));
    }

    [StoreFact]
    public async Task A_source_seen_again_keeps_what_it_knew_and_learns_what_is_new()
    {
        var store = await CreateStoreAsync();
        await store.ApplyAsync(new GraphBatch { Sources = { Src("src:a", "Title", "2026-01") } }, Ct);

        var again = await store.ApplyAsync(new GraphBatch { Sources = { new Source("src:a", null, null, null, DateTimeOffset.UnixEpoch) { ContentHash = "sha256:1" } } }, Ct);
        var source = (await store.GetSourcesAsync(["src:a"], Ct))["src:a"];

        Assert.Equal(0, again.NewSources);
        Assert.Equal(("Title", "https://example.org/a", D("2026-01"), "sha256:1"), (source.Title, source.Url, source.PublishedOn!.Value, source.ContentHash));
    }

    [StoreTheory]
    [InlineData("source:a", null, "id")]
    [InlineData("src:a", "ftp://example.org/a", "url")]
    [InlineData("src:a", "not a url", "url")]
    [InlineData("src:a", "javascript:alert(1)", "url")]
    public async Task Bad_sources_are_refused_with_the_field_named(string id, string? url, string field)
    {
        var store = await CreateStoreAsync();
        var batch = new GraphBatch { Sources = { new Source(id, "t", url, null, DateTimeOffset.UnixEpoch) } };

        var error = await Assert.ThrowsAsync<GraphValidationException>(() => store.ApplyAsync(batch, Ct));

        Assert.Contains(error.Problems, p => p is { List: "sources", Index: 0 } && p.Field == field);
        Assert.Equal(new GraphStats(0, 0, 0, 0), await store.GetStatsAsync(Ct));
    }
}
