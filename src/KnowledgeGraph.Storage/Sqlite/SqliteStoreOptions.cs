namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>Where the embedded store keeps its file.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file; its folder is created when missing.</summary>
    public string DatabasePath { get; set; } = Path.Combine("data", "graph.db");

    /// <summary>SQLite page cache per connection, in KiB.</summary>
    public int CacheSizeKiB { get; set; } = 65536;
}
