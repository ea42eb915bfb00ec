using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage.Tests.Export;

/// <summary>`kg backup`: a consistent copy of the embedded store taken while another connection keeps writing.</summary>
[Trait("Category", "Store")]
public sealed class BackupTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly TempStores _stores = new();

    public void Dispose() => _stores.Dispose();

    /// <summary>Batch <paramref name="k"/>: one source, one person and one WORKED_AT edge citing it.</summary>
    private static GraphBatch Hire(int k) => new()
    {
        Sources = { TestGraph.Src($"src:hire-{k}") },
        Nodes = { TestGraph.Person($"person:hire-{k}", $"Hire {k}") },
        Edges = { TestGraph.Edge(Relation.WorkedAt, $"person:hire-{k}", TestGraph.OpenAi, $"src:hire-{k}", start: "2024", role: "Engineer") },
    };

    [Fact]
    public async Task A_backup_taken_while_another_connection_writes_opens_and_holds_whole_batches_only()
    {
        var path = _stores.NextPath();
        var store = await _stores.EmptyAsync(path);
        await store.ApplyAsync(new GraphBatch { Nodes = { TestGraph.Org(TestGraph.OpenAi, "OpenAI") } }, Ct);
        var writer = new SqliteGraphStore(Options.Create(new SqliteStoreOptions { DatabasePath = path }));
        var committed = 0;
        using var stop = new CancellationTokenSource();
        var writing = Task.Run(async () =>
        {
            for (var k = 0; !stop.IsCancellationRequested; k++)
            {
                await writer.ApplyAsync(Hire(k), CancellationToken.None);
                Interlocked.Increment(ref committed);
            }
        });
        while (Volatile.Read(ref committed) < 30)
        {
            await Task.Delay(5, Ct);
        }

        var backup = Path.Combine(_stores.Folder, "backups", "graph.db");
        var before = Volatile.Read(ref committed);
        await SqliteBackup.BackupAsync(path, backup, overwrite: false, Ct);
        var after = Volatile.Read(ref committed);
        while (Volatile.Read(ref committed) < after + 10)
        {
            await Task.Delay(5, Ct);
        }

        await stop.CancelAsync();
        await writing;
        Assert.False(File.Exists(backup + "-wal"), "the backup should be one self-contained file");
        Assert.False(File.Exists(backup + ".partial"));

        var copy = await _stores.EmptyAsync(backup);
        var stats = await copy.GetStatsAsync(Ct);
        Assert.True(await copy.PingAsync(Ct));
        // Every batch adds one source, one node, one edge and one source reference: a torn copy would break the equalities.
        Assert.Equal(stats.Sources, stats.Nodes - 1);
        Assert.Equal(stats.Sources, stats.Edges);
        Assert.Equal(stats.Sources, stats.Provenance);
        Assert.InRange(stats.Sources, before, after + 1);
        Assert.True((await store.GetStatsAsync(Ct)).Sources > stats.Sources, "the writer should have gone on after the backup");
        var last = $"person:hire-{stats.Sources - 1}";
        Assert.Equal(TestGraph.OpenAi, Assert.Single((await copy.GetEdgesFromAsync([last], null, Ct))[last]).To);
    }

    [Fact]
    public async Task A_backup_does_not_replace_a_file_unless_told_and_needs_a_database()
    {
        var path = _stores.NextPath();
        await (await _stores.EmptyAsync(path)).ApplyAsync(new GraphBatch { Nodes = { TestGraph.Org(TestGraph.OpenAi, "OpenAI") } }, Ct);
        var backup = Path.Combine(_stores.Folder, "existing.db");
        await File.WriteAllTextAsync(backup, "keep me", Ct);

        var refused = await Assert.ThrowsAsync<IOException>(() => SqliteBackup.BackupAsync(path, backup, overwrite: false, Ct));
        var missing = await Assert.ThrowsAsync<FileNotFoundException>(() => SqliteBackup.BackupAsync(Path.Combine(_stores.Folder, "none.db"), backup, overwrite: true, Ct));
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        Assert.Contains("none.db", missing.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(backup, Ct));

        await SqliteBackup.BackupAsync(path, backup, overwrite: true, Ct);
        SqliteConnection.ClearAllPools();
        var copy = await _stores.EmptyAsync(backup);
        Assert.Equal(1, (await copy.GetStatsAsync(Ct)).Nodes);
    }
}
