using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KnowledgeGraph.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Api.Tests;

/// <summary>Documents through the queue and the pipeline into the graph, with provenance, idempotently.</summary>
[Trait("Category", "Api")]
public sealed class IngestionTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Article = """
        ---
        title: A test profile of Ada Quillfeather
        url: https://example.org/test/ada-quillfeather
        date: 2026-03-01
        ---
        Ada Quillfeather joined Anthropic in 2021 as a research scientist. She left Anthropic in March 2025.
        """;

    [Fact]
    public async Task A_posted_document_becomes_facts_with_quotes_and_a_second_post_changes_nothing()
    {
        using var client = host.CreateClient();
        using var response = await client.PostAsync(new Uri("/api/documents", UriKind.Relative), new StringContent(Article, Encoding.UTF8, "text/markdown"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/api/jobs/", location, StringComparison.Ordinal);
        var job = await host.WaitForJobAsync(location);
        Assert.Equal("succeeded", job["state"]!.GetValue<string>());
        Assert.True(job["counts"]!["newEdges"]!.GetValue<int>() >= 2, job.ToJsonString());

        var data = await host.DataAsync("""
            { person(name: "Ada Quillfeather") { status { kind since organization { name } }
              timeline { relation start target { name } sources { quote start end source { url title } } } } }
            """);
        var person = data["person"]!;
        Assert.Equal("DEPARTED", person["status"]!["kind"]!.GetValue<string>());
        Assert.Equal("2025-03", person["status"]!["since"]!.GetValue<string>());
        var joined = person["timeline"]!.AsArray().Single(e => e!["relation"]!.GetValue<string>() == "JOINED")!;
        var source = joined["sources"]![0]!;
        Assert.Contains("joined Anthropic in 2021", source["quote"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("https://example.org/test/ada-quillfeather", source["source"]!["url"]!.GetValue<string>());
        var start = source["start"]!.GetValue<int>();
        var end = source["end"]!.GetValue<int>();
        Assert.Equal(source["quote"]!.GetValue<string>(), Article[start..end]);

        var before = await host.Services.GetRequiredService<IGraphStore>().GetStatsAsync(CancellationToken.None);
        using var again = await client.PostAsync(new Uri("/api/documents", UriKind.Relative), new StringContent(Article, Encoding.UTF8, "text/markdown"));
        Assert.Equal("succeeded", (await host.WaitForJobAsync(again.Headers.Location!.ToString()))["state"]!.GetValue<string>());
        Assert.Equal(before, await host.Services.GetRequiredService<IGraphStore>().GetStatsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Json_documents_and_the_graphql_mutation_give_a_job_that_importJob_reports()
    {
        using var client = host.CreateClient();
        using var response = await client.PostAsJsonAsync(new Uri("/api/documents", UriKind.Relative), new { text = "Bram Oakheart joined Mistral AI in 2024.", title = "Short note", date = "2024-05" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        await host.WaitForJobAsync($"/api/jobs/{id}");

        var mutation = await host.DataAsync("""mutation { ingestDocument(text: "Cora Lindqvist joined Google DeepMind in 2022.", title: "Another note") { id state } }""");
        var jobId = mutation["ingestDocument"]!["id"]!.GetValue<string>();
        await host.WaitForJobAsync($"/api/jobs/{jobId}");
        var job = await host.DataAsync($$"""{ importJob(id: "{{jobId}}") { state documents claims newEdges failures { item reason } } }""");
        Assert.Equal("succeeded", job["importJob"]!["state"]!.GetValue<string>());
        Assert.Equal(1, job["importJob"]!["documents"]!.GetValue<int>());
        Assert.True(job["importJob"]!["claims"]!.GetValue<int>() >= 1);
    }

    [Theory]
    [InlineData("application/json", "{\"text\": \"\"}", "empty")]
    [InlineData("application/json", "{\"text\": \"x joined y\", \"date\": \"19th\"}", "date")]
    [InlineData("application/json", "{not json", "JSON")]
    [InlineData("application/xml", "<doc/>", "application/json")]
    public async Task Bad_documents_are_refused_at_once_naming_the_problem(string contentType, string body, string expected)
    {
        using var client = host.CreateClient();
        using var response = await client.PostAsync(new Uri("/api/documents", UriKind.Relative), new StringContent(body, Encoding.UTF8, contentType));
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType, response.StatusCode.ToString());
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_job_is_a_404()
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/jobs/job-nope", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>The stats query dashboards use to check imports.</summary>
[Trait("Category", "Api")]
public sealed class StatsTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Stats_count_the_seed_graph_by_kind_relation_and_job_state()
    {
        var data = await host.DataAsync("""
            { stats { nodes edges sources conflicts nodesByKind { kind count } edgesByRelation { relation count } jobsByState { state count } } }
            """);
        var stats = data["stats"]!;
        var people = stats["nodesByKind"]!.AsArray().Single(k => k!["kind"]!.GetValue<string>() == "Person")!["count"]!.GetValue<int>();
        Assert.True(people >= 60, $"{people} people");
        Assert.Equal(stats["nodes"]!.GetValue<int>(), stats["nodesByKind"]!.AsArray().Sum(k => k!["count"]!.GetValue<int>()));
        Assert.Equal(stats["edges"]!.GetValue<int>(), stats["edgesByRelation"]!.AsArray().Sum(k => k!["count"]!.GetValue<int>()));
        Assert.True(stats["conflicts"]!.GetValue<int>() >= 1, "Tworek's departure dates disagree");
        Assert.Equal(4, stats["jobsByState"]!.AsArray().Count);
    }
}
