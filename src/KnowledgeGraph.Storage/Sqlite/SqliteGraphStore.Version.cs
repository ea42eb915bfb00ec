namespace KnowledgeGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore : IChangeVersion
{
    /// <summary>The read cache's view of commits (PRAGMA data_version, any process), or null when the read cache is off.</summary>
    public long? ChangeVersion() => _cache?.Version();
}
