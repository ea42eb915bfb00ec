namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>Where the embedded store keeps its file, and how it reads it (configuration section "Store:Sqlite").</summary>
public sealed class SqliteStoreOptions
{
    public const string Section = "Store:Sqlite";

    /// <summary>The database file; its folder is created when missing.</summary>
    public string DatabasePath { get; set; } = Path.Combine("data", "graph.db");

    /// <summary>SQLite page cache per connection, in KiB.</summary>
    public int CacheSizeKiB { get; set; } = 65536;

    /// <summary>How much of the file each connection reads through memory mapping, in MiB (0: plain reads).</summary>
    public int MmapSizeMiB { get; set; }

    /// <summary>
    /// Most nodes, edges and source references one generation of the read cache keeps while the file does not change
    /// (0: off); a full generation is followed by a new one, and at most two live at a time. Any commit, from this
    /// process or another, drops them all. About 400 bytes an item.
    /// </summary>
    public int ReadCacheItems { get; set; } = 400_000;
}
