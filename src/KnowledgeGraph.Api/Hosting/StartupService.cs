using KnowledgeGraph.Ingestion.Seeding;
using KnowledgeGraph.Ingestion.Worker;
using KnowledgeGraph.Storage;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Hosting;

/// <summary>
/// Prepares the store and imports the seed data on first start, in the background so /health/live answers at
/// once; /health/ready turns 200 when this has finished. While the store cannot answer (file locked or unreadable,
/// Neo4j down) it tries again with a growing delay; any other error ends start-up and shows on /health/ready.
/// </summary>
public sealed class StartupService(IGraphStore store, SeedImporter seed, IOptions<SeedOptions> seedOptions, Readiness readiness, JobSignal jobs, ILogger<StartupService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstDelay;
        try
        {
            while (true)
            {
                try
                {
                    await PrepareStoreAsync(stoppingToken);
                    return;
                }
                catch (Exception ex) when (StoreFault.Describe(ex) is { } reason && !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Start-up waits for the store ({Reason}); trying again in {Delay}", reason, delay);
                    readiness.MarkWaiting(reason);
                    await Task.Delay(delay, stoppingToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestDelay.Ticks));
                }
            }
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

    private async Task PrepareStoreAsync(CancellationToken stoppingToken)
    {
        await store.InitializeAsync(stoppingToken);
        if (seedOptions.Value.Enabled)
        {
            await seed.ImportOnceAsync(seedOptions.Value.ResolvedPath, seedOptions.Value.ResolvedBiographiesPath, stoppingToken);
        }

        jobs.MarkStoreReady();
        readiness.MarkStarted();
    }
}
