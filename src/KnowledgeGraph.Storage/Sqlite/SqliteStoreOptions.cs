namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>Where the embedded store keeps its file, and how it reads it (configuration section "Store:Sqlite").</summary>
public sealed class SqliteStoreOptions
{
    public const string Section = "Store:Sqlite";

    /// <summary>The database file; its folder is created when missing.</summary>
    public string DatabasePath { get; set; } = Path.Combine("data", "graph.db");

    /// <summary>SQLite page cache per connection, in KiB.</summary>
    public int CacheSizeKiB { get; set; } = 65536;

    /// <summary>
    /// How many pages (4 KiB each) the write-ahead log may grow to before a commit copies it back into the file
    /// (SQLite's own default is 1,000). Each such checkpoint syncs the file, and many small transactions (a document
    /// each) rewrite the same index pages, so a larger log makes fewer, cheaper checkpoints; the log file keeps the
    /// largest size it reached (about 40 MiB at the default).
    /// </summary>
    public int WalAutoCheckpointPages { get; set; } = 10_000;

    /// <summary>How much of the file each connection reads through memory mapping, in MiB (0: plain reads).</summary>
    public int MmapSizeMiB { get; set; }

    /// <summary>
    /// Most nodes, edges and source references one generation of the read cache keeps while the file does not change
    /// (0: off); a full generation is followed by a new one, and at most two live at a time. Any commit, from this
    /// process or another, drops them all. About 400 bytes an item.
    /// </summary>
    public int ReadCacheItems { get; set; } = 400_000;
}
