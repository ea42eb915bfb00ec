using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// Corrections are not built on Neo4j yet: each refuses before any request with a <see cref="NotSupportedException"/>
/// naming the operation, and no choices can exist, so resolutions read as none. The embedded store has them all.
/// </summary>
public sealed partial class Neo4jGraphStore
{
    public Task<RetractResult> RetractSourceAsync(string sourceId, CancellationToken cancellationToken) =>
        throw Unsupported("retractSource");

    public Task<WriteResult> ReplaceSourceAsync(string sourceId, GraphBatch batch, CancellationToken cancellationToken) =>
        throw Unsupported("replacing a document's claims with a new version");

    public Task<ResolveResult> ResolveConflictAsync(string conflictId, PartialDate value, string? note, CancellationToken cancellationToken) =>
        throw Unsupported("resolveConflict");

    public Task<IReadOnlyDictionary<string, IReadOnlyList<ConflictResolution>>> GetResolutionsAsync(IReadOnlyCollection<string> edgeIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<ConflictResolution>>>(edgeIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => (IReadOnlyList<ConflictResolution>)[], StringComparer.Ordinal));

    public Task<MergeResult> MergeEntitiesAsync(string keepId, string removeId, CancellationToken cancellationToken) =>
        throw Unsupported("mergeEntities");

    private static NotSupportedException Unsupported(string operation) =>
        new($"{operation} is not available on the Neo4j store yet; it runs on the embedded SQLite store (Store:Kind=Sqlite)");
}
