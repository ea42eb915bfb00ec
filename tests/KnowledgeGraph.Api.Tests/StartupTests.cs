using System.Net;
using System.Text;
using KnowledgeGraph.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// First start imports the seed data (the records, then the biographies through the document pipeline); a second
/// start on the same folder adds nothing.
/// </summary>
[Trait("Category", "Api")]
public sealed class StartupTests
{
    [Fact]
    public async Task A_second_start_adds_nothing()
    {
        var data = Path.Combine(Path.GetTempPath(), "kg-startup-" + Guid.NewGuid().ToString("N"));
        try
        {
            GraphStats first;
            await using (var host = new ApiHost(data))
            {
                await host.InitializeAsync();
                first = await host.Services.GetRequiredService<IGraphStore>().GetStatsAsync(CancellationToken.None);
                Assert.True(first.Nodes > 100, $"seed import gave only {first.Nodes} nodes");
            }

            Assert.True(File.Exists(Path.Combine(data, "graph.db")), "the store file lives under Data:Path");
            await using (var again = new ApiHost(data))
            {
                await again.InitializeAsync();
                var second = await again.Services.GetRequiredService<IGraphStore>().GetStatsAsync(CancellationToken.None);
                Assert.Equal(first, second);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_fresh_start_with_default_settings_ingests_each_biography_as_a_source_and_a_second_ingest_changes_nothing()
    {
        var bios = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seed-data", "biographies"), "*.md").Order(StringComparer.Ordinal).ToList();
        Assert.True(bios.Count >= 20, $"only {bios.Count} seed biographies");
        var recordsData = Path.Combine(Path.GetTempPath(), "kg-startup-records-" + Guid.NewGuid().ToString("N"));
        var data = Path.Combine(Path.GetTempPath(), "kg-startup-bios-" + Guid.NewGuid().ToString("N"));
        try
        {
            GraphStats recordsOnly;
            await using (var records = new ApiHost(recordsData) { Settings = new Dictionary<string, string?> { ["Seed:IngestBiographies"] = "false" } })
            {
                await records.InitializeAsync();
                recordsOnly = await StatsAsync(records);
            }

            await using var host = new ApiHost(data);
            await host.InitializeAsync();
            var seeded = await StatsAsync(host);
            Assert.Equal(recordsOnly.Sources + bios.Count, seeded.Sources);
            Assert.True(seeded.Edges > recordsOnly.Edges, $"the biographies added no edge: {seeded} after {recordsOnly}");

            var schulman = await host.DataAsync("""{ person(name: "John Schulman") { timeline { relation sources { source { title } } } } }""");
            var timeline = schulman["person"]!["timeline"]!.AsArray();
            Assert.Contains(timeline, e => e!["sources"]!.AsArray().Any(s => s!["source"]!["title"]!.GetValue<string>() == "John Schulman, a short career profile"));

            using var client = host.CreateClient();
            foreach (var bio in bios)
            {
                using var response = await client.PostAsync(new Uri("/api/documents", UriKind.Relative), new StringContent(await File.ReadAllTextAsync(bio), Encoding.UTF8, "text/markdown"));
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                var job = await host.WaitForJobAsync(response.Headers.Location!.ToString());
                Assert.Equal("succeeded", job["state"]!.GetValue<string>());
                Assert.Equal(0, job["counts"]!["newEdges"]!.GetValue<int>());
            }

            Assert.Equal(seeded, await StatsAsync(host));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var folder in new[] { recordsData, data }.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static Task<GraphStats> StatsAsync(ApiHost host) => host.Services.GetRequiredService<IGraphStore>().GetStatsAsync(CancellationToken.None);
}
