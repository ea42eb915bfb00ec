using KnowledgeGraph.Storage.Jobs;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>The job queue contract on the embedded store (a temp file per test).</summary>
[Trait("Category", "Store")]
public sealed class SqliteJobQueueTests : JobQueueContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kg-queue-tests", Guid.NewGuid().ToString("N"));
    private string _path = "";
    private TimeProvider _clock = TimeProvider.System;

    protected override async Task<IJobQueue> CreateQueueAsync(TimeProvider clock)
    {
        Directory.CreateDirectory(_folder);
        _path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");
        _clock = clock;
        await new SqliteGraphStore(Options.Create(new SqliteStoreOptions { DatabasePath = _path })).InitializeAsync(CancellationToken.None);
        return new SqliteJobQueue(_path, clock);
    }

    protected override IJobQueue OpenAgain() => new SqliteJobQueue(_path, _clock);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
