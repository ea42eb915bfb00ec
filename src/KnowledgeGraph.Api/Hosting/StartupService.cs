using KnowledgeGraph.Ingestion.Seeding;
using KnowledgeGraph.Ingestion.Worker;
using KnowledgeGraph.Storage;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Hosting;

/// <summary>
/// Prepares the store and imports the seed data on first start, in the background so /health/live answers at
/// once; /health/ready turns 200 when this has finished.
/// </summary>
public sealed class StartupService(IGraphStore store, SeedImporter seed, IOptions<SeedOptions> seedOptions, Readiness readiness, JobSignal jobs, ILogger<StartupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await store.InitializeAsync(stoppingToken);
            if (seedOptions.Value.Enabled)
            {
                await seed.ImportOnceAsync(seedOptions.Value.ResolvedPath, seedOptions.Value.ResolvedBiographiesPath, stoppingToken);
            }

            jobs.MarkStoreReady();
            readiness.MarkStarted();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
#pragma warning disable CA1031 // a failed start must be visible on /health/ready, not crash the host silently
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Start-up failed: {Message}", ex.Message);
            readiness.MarkFailed(ex.Message);
        }
    }
}
