using KnowledgeGraph.Core.Graph;
using static KnowledgeGraph.Storage.Tests.TestGraph;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>The store contract, continued: full-text search: words, prefixes, and query syntax taken as text.</summary>
public abstract partial class GraphStoreContract
{
    // ---- search ------------------------------------------------------------------------------------------

    [StoreTheory]
    [InlineData("tworek", Jerry)]
    [InlineData("Tworek", Jerry)]
    [InlineData("jer", Jerry)]
    [InlineData("jerry tw", Jerry)]
    [InlineData("JERRY TWOREK", Jerry)]
    [InlineData("gpt-4", Gpt4)]
    [InlineData("GPT 4", Gpt4)]
    [InlineData("gpt-4o", Gpt4o)]
    [InlineData("open ai", OpenAi)]
    [InlineData("codex", Codex)]
    [InlineData("łukasz", Lukasz)]
    [InlineData("kai", Lukasz)]
    public async Task Search_finds_words_and_a_prefix_of_the_last_word(string text, string expected)
    {
        var store = await StoreWithBaseAsync();

        var found = await store.SearchAsync(text, 10, Ct);

        Assert.NotEmpty(found);
        Assert.Equal(expected, found[0].Id);
    }

    [StoreFact]
    public async Task Search_finds_every_node_a_prefix_fits_and_respects_first()
    {
        var store = await StoreWithBaseAsync();

        var all = await store.SearchAsync("gpt", 10, Ct);
        var one = await store.SearchAsync("gpt", 1, Ct);

        Assert.Equal([Gpt4, Gpt4o], all.Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.Single(one);
        Assert.Empty(await store.SearchAsync("gpt", 0, Ct));
        Assert.Empty(await store.SearchAsync("sutskever", 10, Ct));
    }

    [StoreFact]
    public async Task Search_ignores_accents_composed_or_not()
    {
        var store = await CreateStoreAsync();
        await store.ApplyAsync(new GraphBatch { Nodes = { Person("person:jose-garcia", "Jos\u00E9 Garc\u00EDa"), Person("person:jose-garcia-2", "Jose\u0301 Garci\u0301a") } }, Ct);

        var plain = await store.SearchAsync("jose garcia", 10, Ct);
        var accented = await store.SearchAsync("Jos\u00E9 Garc\u00EDa", 10, Ct);

        Assert.Equal(["person:jose-garcia", "person:jose-garcia-2"], plain.Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["person:jose-garcia", "person:jose-garcia-2"], accented.Select(n => n.Id).Order(StringComparer.Ordinal));
    }

    [StoreFact]
    public async Task Search_sees_aliases_added_later()
    {
        var store = await StoreWithBaseAsync();

        await store.ApplyAsync(new GraphBatch { Nodes = { Model(Gpt4, "GPT-4", "Generative Pretrained Transformer 4") } }, Ct);

        Assert.Equal(Gpt4, Assert.Single(await store.SearchAsync("generative pretr", 10, Ct)).Id);
        Assert.Equal("GPT-4", (await store.GetNodesAsync([Gpt4], Ct))[Gpt4].Name);
    }

    [StoreTheory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("\"jerry")]
    [InlineData("*")]
    [InlineData("jer*")]
    [InlineData("OR")]
    [InlineData("tworek OR jerry")]
    [InlineData("AND")]
    [InlineData("NOT tworek")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(jerry tworek, 2)")]
    [InlineData("names:jerry")]
    [InlineData("node_id:person")]
    [InlineData("^jerry")]
    [InlineData("-tworek")]
    [InlineData("(jerry")]
    [InlineData("{names}: jerry")]
    [InlineData("'); DROP TABLE nodes; --")]
    [InlineData("\u200B")]
    [InlineData("🙂 jerry")]
    public async Task Search_takes_query_syntax_as_plain_text(string text)
    {
        var store = await StoreWithBaseAsync();
        var stats = await store.GetStatsAsync(Ct);

        var found = await store.SearchAsync(text, 10, Ct);

        Assert.NotNull(found);
        Assert.Equal(stats, await store.GetStatsAsync(Ct));
    }

    [StoreFact]
    public async Task Search_of_a_long_text_does_not_fail()
    {
        var store = await StoreWithBaseAsync();

        var found = await store.SearchAsync(string.Join(' ', Enumerable.Repeat("jerry tworek openai", 500)), 10, Ct);

        Assert.NotNull(found);
    }
}
