using KnowledgeGraph.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Api.Tests;

/// <summary>First start imports the seed data; a second start on the same folder adds nothing.</summary>
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
}
