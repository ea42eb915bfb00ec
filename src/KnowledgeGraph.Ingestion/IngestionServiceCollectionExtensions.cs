using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.Llm;
using KnowledgeGraph.Ingestion.Documents;
using KnowledgeGraph.Ingestion.Resolution;
using KnowledgeGraph.Ingestion.Worker;
using KnowledgeGraph.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Ingestion;

/// <summary>
/// The ingestion pipeline, as the host and `kg worker` both compose them. The job queue it reads is the store's
/// (registered by AddGraphStore), so register the store first.
/// </summary>
public static class IngestionServiceCollectionExtensions
{
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration ("Ingestion" section).</param>
    /// <param name="runWorker">Whether this process also runs the worker.</param>
    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration, bool runWorker)
    {
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.Section));
        services.AddSingleton<JobSignal>();
        services.AddSingleton<IClaimExtractor>(_ => new BuiltInExtractor());
        // Extraction:Llm:Url set: the LLM extractor replaces the built-in one (its claims are validated against the text).
        services.AddLlmExtraction(configuration);
        services.AddSingleton<EntityResolver>();
        services.AddSingleton<DocumentIngestor>();
        services.AddSingleton<JobProcessor>();
        if (runWorker)
        {
            services.AddHostedService<IngestionWorker>();
        }

        return services;
    }

    /// <summary>
    /// Whether the API host runs the worker in its own process: "Worker:Enabled" when set; otherwise yes on the
    /// embedded store (one process does everything) and no on Neo4j, where the API only enqueues and `kg worker`
    /// processes (any number of them), so an API restart never interrupts a job and API replicas do no ingestion work.
    /// </summary>
    public static bool WorkerRunsInHost(IConfiguration configuration) =>
        configuration.GetValue<bool?>("Worker:Enabled") ?? StoreOptions.KindOf(configuration) == StoreKind.Sqlite;
}
