using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>Small hand-built graphs for the store tests, written the way the seed data reads.</summary>
internal static class TestGraph
{
    public const string Jerry = "person:jerry-tworek";
    public const string Lukasz = "person:lukasz-kaiser";
    public const string OpenAi = "org:openai";
    public const string Codex = "model:codex";
    public const string Gpt4 = "model:gpt-4";
    public const string Gpt4o = "model:gpt-4o";

    public static PartialDate D(string text) => PartialDate.Parse(text);

    public static PartialDate? Maybe(string? text) => text is null ? null : PartialDate.Parse(text);

    public static Source Src(string id, string? title = null, string? publishedOn = null) =>
        new(id, title ?? $"Article {id}", $"https://example.org/{id[4..]}", Maybe(publishedOn), DateTimeOffset.UnixEpoch);

    public static GraphNode Person(string id, string name, params string[] aliases) => new(id, NodeKind.Person, name, aliases);

    public static GraphNode Org(string id, string name, params string[] aliases) =>
        new(id, NodeKind.Organization, name, aliases) { OrganizationKind = OrganizationKind.Lab };

    public static GraphNode Model(string id, string name, params string[] aliases) => new(id, NodeKind.Model, name, aliases);

    public static EdgeInput Edge(Relation relation, string from, string to, string source, string? start = null, string? end = null, string? role = null) =>
        new(relation, from, to, [new SourceRef(source) { Quote = $"{source} says so" }])
        {
            Start = Maybe(start),
            End = Maybe(end),
            Role = role,
        };

    /// <summary>Three sources, Jerry Tworek, Łukasz Kaiser, OpenAI and three models; no edges.</summary>
    public static GraphBatch Base() => new()
    {
        Sources = { Src("src:a"), Src("src:b"), Src("src:c") },
        Nodes =
        {
            Person(Jerry, "Jerry Tworek", "Jerry"),
            Person(Lukasz, "Łukasz Kaiser"),
            Org(OpenAi, "OpenAI", "Open AI"),
            Model(Codex, "Codex", "OpenAI Codex"),
            Model(Gpt4, "GPT-4"),
            Model(Gpt4o, "GPT-4o"),
        },
    };

    public static GraphBatch Of(params EdgeInput[] edges)
    {
        var batch = new GraphBatch();
        batch.Edges.AddRange(edges);
        return batch;
    }
}
