using System.Text.Json;
using KnowledgeGraph.Ingestion.Records;
using KnowledgeGraph.Ingestion.Worker;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Jobs;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Ingestion.Seeding;

/// <summary>
/// Loads the seed records once per store: a marker in the store's meta area says it was done, so a second start
/// adds nothing (and a re-run would change nothing anyway: the records merge idempotently).
/// </summary>
public sealed class SeedImporter(IGraphStore store, IJobQueue jobs, JobProcessor processor, TimeProvider clock, ILogger<SeedImporter> logger)
{
    public const string MarkerKey = "seed.imported";

    /// <summary>
    /// Imports the records folder, then the biographies through the document pipeline (as a job, visible like any
    /// other), unless already done; returns what the records changed (zero when skipped).
    /// </summary>
    public async Task<WriteResult> ImportOnceAsync(string folder, string? biographies, CancellationToken cancellationToken)
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
        if (biographies is not null && Directory.Exists(biographies))
        {
            var job = await jobs.EnqueueAsync(JobKinds.Path, JsonSerializer.Serialize(new PathPayload(biographies), new JsonSerializerOptions(JsonSerializerDefaults.Web)), cancellationToken);
            var (counts, failures) = await processor.RunAsync(job, null, cancellationToken);
            await jobs.CompleteAsync(job.Id, counts, failures, cancellationToken);
            logger.LogInformation("Seed biographies ingested: {Documents} documents, {Claims} claims, {Edges} new edges, {Failures} failures", counts.Documents, counts.Claims, counts.NewEdges, counts.Failures);
        }

        await store.SetMetaAsync(MarkerKey, clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        logger.LogInformation("Seed data imported from {Folder}: {Nodes} nodes, {Edges} edges, {Sources} sources, {Conflicts} conflicts", folder, result.NewNodes, result.NewEdges, result.NewSources, result.Conflicts);
        return result;
    }
}
