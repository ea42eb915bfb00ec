using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>The corrections contract on the embedded store, a temp file per test.</summary>
[Trait("Category", "Store")]
public sealed class SqliteCorrectionsTests : CorrectionsContract, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override async Task<IGraphStore> CreateStoreAsync()
    {
        var store = new SqliteGraphStore(Options.Create(new SqliteStoreOptions { DatabasePath = _database.NextPath(), CacheSizeKiB = 2048 }));
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    public void Dispose() => _database.Dispose();
}
