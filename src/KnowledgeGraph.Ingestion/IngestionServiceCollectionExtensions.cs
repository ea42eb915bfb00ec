using KnowledgeGraph.Extraction;
using KnowledgeGraph.Ingestion.Documents;
using KnowledgeGraph.Ingestion.Resolution;
using KnowledgeGraph.Ingestion.Worker;
using KnowledgeGraph.Storage.Jobs;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Ingestion;

/// <summary>The ingestion pipeline and its job queue, as the host and `kg worker` both compose them.</summary>
public static class IngestionServiceCollectionExtensions
{
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration ("Ingestion" section).</param>
    /// <param name="databasePath">The embedded store's file, which holds the job queue.</param>
    /// <param name="runWorker">Whether this process also runs the worker.</param>
    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, string> databasePath, bool runWorker)
    {
        services.AddSingleton<IJobQueue>(sp => new SqliteJobQueue(databasePath(sp), sp.GetService<TimeProvider>()));
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.Section));
        services.AddSingleton<JobSignal>();
        services.AddSingleton<IClaimExtractor>(_ => new BuiltInExtractor());
        services.AddSingleton<EntityResolver>();
        services.AddSingleton<DocumentIngestor>();
        services.AddSingleton<JobProcessor>();
        if (runWorker)
        {
            services.AddHostedService<IngestionWorker>();
        }

        return services;
    }
}
