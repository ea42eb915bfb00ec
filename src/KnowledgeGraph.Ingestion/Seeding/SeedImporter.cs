using KnowledgeGraph.Ingestion.Records;
using KnowledgeGraph.Storage;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Ingestion.Seeding;

/// <summary>
/// Loads the seed records once per store: a marker in the store's meta area says it was done, so a second start
/// adds nothing (and a re-run would change nothing anyway: the records merge idempotently).
/// </summary>
public sealed class SeedImporter(IGraphStore store, TimeProvider clock, ILogger<SeedImporter> logger)
{
    public const string MarkerKey = "seed.imported";

    /// <summary>Imports the folder unless already done; returns what changed (zero when skipped).</summary>
    public async Task<WriteResult> ImportOnceAsync(string folder, CancellationToken cancellationToken)
    {
        if (await store.GetMetaAsync(MarkerKey, cancellationToken) is { } when)
        {
            logger.LogInformation("Seed data already imported at {When}; skipping", when);
            return WriteResult.Empty;
        }

        if (!Directory.Exists(folder))
        {
            logger.LogWarning("No seed data folder at {Folder}; starting with an empty graph", folder);
            return WriteResult.Empty;
        }

        var result = await new RecordsImporter(store, clock).ImportFolderAsync(folder, cancellationToken);
        await store.SetMetaAsync(MarkerKey, clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        logger.LogInformation("Seed data imported from {Folder}: {Nodes} nodes, {Edges} edges, {Sources} sources, {Conflicts} conflicts", folder, result.NewNodes, result.NewEdges, result.NewSources, result.Conflicts);
        return result;
    }
}
