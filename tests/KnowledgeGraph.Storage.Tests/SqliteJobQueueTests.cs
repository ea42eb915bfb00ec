using KnowledgeGraph.Storage.Jobs;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>The durable queue on the embedded store: jobs under a chosen id are created once, whoever races.</summary>
[Trait("Category", "Store")]
public sealed class SqliteJobQueueTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kg-queue-tests", Guid.NewGuid().ToString("N"));
    private string _path = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _path = Path.Combine(_folder, "graph.db");
        await new SqliteGraphStore(Options.Create(new SqliteStoreOptions { DatabasePath = _path })).InitializeAsync(Ct);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_job_under_a_chosen_id_is_created_once()
    {
        var queue = new SqliteJobQueue(_path);
        var (first, created) = await queue.EnqueueOnceAsync("schedule:nightly:2026-11-25T02:00Z", "path", "{\"path\":\"a\"}", Ct);
        var (second, createdAgain) = await queue.EnqueueOnceAsync("schedule:nightly:2026-11-25T02:00Z", "path", "{\"path\":\"b\"}", Ct);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("{\"path\":\"a\"}", second.Payload);
        Assert.Equal(1, (await queue.CountByStateAsync(Ct))[JobState.Queued]);
    }

    [Fact]
    public async Task Two_queues_racing_on_one_id_make_one_job()
    {
        var queues = Enumerable.Range(0, 8).Select(_ => new SqliteJobQueue(_path)).ToList();
        var results = await Task.WhenAll(queues.Select(q => q.EnqueueOnceAsync("schedule:feed:1", "path", "{}", Ct)));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Job.Id).Distinct());
    }
}
