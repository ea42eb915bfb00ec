namespace KnowledgeGraph.Storage;

/// <summary>
/// The numbered schema steps of a store (SQLite migrations, graph-schema/neo4j files): which one the database has
/// reached, and applying the missing ones (what `kg migrate-schema` does).
/// </summary>
public interface IStoreSchema
{
    /// <summary>The number of the last step this build knows.</summary>
    int LatestVersion { get; }

    /// <summary>The last step the database has recorded (0 for a new database).</summary>
    Task<int> CurrentVersionAsync(CancellationToken cancellationToken);

    /// <summary>Applies the steps the database lacks; answers how many were applied now (0 when it was up to date).</summary>
    Task<int> ApplyMissingAsync(CancellationToken cancellationToken);
}
