using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>A folder of throwaway database files, removed with everything SQLite left beside them.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kg-store-tests", Guid.NewGuid().ToString("N"));
    private int _next;

    public string NextPath() => Path.Combine(_folder, $"graph-{_next++}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
