using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.Llm;
using KnowledgeGraph.Ingestion.Documents;
using KnowledgeGraph.Ingestion.Imports;
using KnowledgeGraph.Ingestion.Resolution;
using KnowledgeGraph.Ingestion.Worker;
using KnowledgeGraph.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
        services.AddSingleton<FileImporter>();
        services.AddSingleton<JobProcessor>();
        services.AddOptions<ImportsOptions>().Bind(configuration.GetSection(ImportsOptions.Section));
        // The downloader keeps its own deadline (Imports:FeedTimeoutSeconds) over the whole body, not only the headers.
        services.AddHttpClient<FeedDownloader>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        if (runWorker)
        {
            services.AddHostedService<IngestionWorker>();
            // Periodic imports run where the worker runs; a bad schedule stops the start with its name and field.
            services.AddSingleton<IValidateOptions<ImportsOptions>, ImportsOptionsValidation>();
            services.AddOptions<ImportsOptions>().ValidateOnStart();
            services.AddSingleton<ImportScheduler>();
            services.AddHostedService(sp => sp.GetRequiredService<ImportScheduler>());
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
