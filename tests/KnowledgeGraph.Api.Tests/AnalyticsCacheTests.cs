using System.Text.Json.Nodes;
using KnowledgeGraph.Api.GraphQL.Analytics;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Api.Tests;

/// <summary>An aggregate asked again is served from memory, and a commit to the store makes the next answer fresh.</summary>
[Trait("Category", "Api")]
public sealed class AnalyticsCacheTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Query = """{ talentFlow(from: "2025", to: "2025", organizations: ["OpenAI"]) { from { id } to { id } count } }""";

    private async Task<int> FlowAsync(string from, string to)
    {
        var data = await host.DataAsync(Query);
        return data["talentFlow"]!.AsArray()
            .Where(f => f!["from"]!["id"]!.GetValue<string>() == from && f["to"]!["id"]!.GetValue<string>() == to)
            .Sum(f => f!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_repeated_aggregate_comes_from_memory_until_the_store_changes()
    {
        // The seed biographies are a job the worker runs after the host is ready: let it finish so nothing else commits.
        var jobs = host.Services.GetRequiredService<KnowledgeGraph.Storage.Jobs.IJobQueue>();
        for (var wait = 0; (await jobs.CountByStateAsync(CancellationToken.None)).Where(p => p.Key is KnowledgeGraph.Storage.Jobs.JobState.Queued or KnowledgeGraph.Storage.Jobs.JobState.Running).Sum(p => p.Value) > 0; wait++)
        {
            Assert.True(wait < 600, "the seed jobs did not finish within 60 s");
            await Task.Delay(100);
        }

        var cache = host.Services.GetRequiredService<AnalyticsResultCache>();
        // After a commit each of the read cache's watchers reports it once, so the version can move for a few reads
        // more: ask until an answer comes from memory (it must, with nothing written meanwhile).
        var before = await FlowAsync("org:openai", "org:anthropic");
        var served = false;
        for (var attempt = 0; attempt < 20 && !served; attempt++)
        {
            var hits = cache.Hits;
            Assert.Equal(before, await FlowAsync("org:openai", "org:anthropic"));
            served = cache.Hits > hits;
        }

        Assert.True(served, "a repeated aggregate was never served from memory");

        // One more person moves from OpenAI to Anthropic in 2025: the next answer counts them.
        const string Source = "src:test-cache";
        await host.Services.GetRequiredService<IGraphStore>().ApplyAsync(new GraphBatch
        {
            Sources = { new Source(Source, "Cache test", "https://example.org/cache-test", null, DateTimeOffset.UnixEpoch) },
            Nodes = { new GraphNode("person:test-cache-mover", NodeKind.Person, "Testperson cache mover", []) },
            Edges =
            {
                new EdgeInput(Relation.WorkedAt, "person:test-cache-mover", "org:openai", [new SourceRef(Source) { Quote = "worked at OpenAI" }]) { Start = PartialDate.Parse("2021"), End = PartialDate.Parse("2025-03") },
                new EdgeInput(Relation.WorkedAt, "person:test-cache-mover", "org:anthropic", [new SourceRef(Source) { Quote = "then Anthropic" }]) { Start = PartialDate.Parse("2025-04") },
            },
        }, CancellationToken.None);

        Assert.Equal(before + 1, await FlowAsync("org:openai", "org:anthropic"));
    }
}
